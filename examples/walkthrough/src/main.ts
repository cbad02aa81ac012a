// Walks an application file through the whole procedure and prints a dated timeline.
// Usage: main.ts [FILE] [--locale ru|en]; FILE defaults to the bundled application.json.
import { main } from './cli.js';

process.exitCode = await main(process.argv.slice(2));
