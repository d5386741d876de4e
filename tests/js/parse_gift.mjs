// Reads GIFT on standard input with gift-pegjs, the parser of the GIFT tools
// teachers use, and prints its questions as JSON; a syntax error is printed
// on standard error with its place, and the exit code is 1.
import { parse } from "gift-pegjs";

let text = "";
for await (const chunk of process.stdin) text += chunk;
try {
  process.stdout.write(JSON.stringify(parse(text)));
} catch (error) {
  const where = error.location ? ` (line ${error.location.start.line}, column ${error.location.start.column})` : "";
  process.stderr.write(`${error.message}${where}\n`);
  process.exit(1);
}
