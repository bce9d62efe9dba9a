// npm run print -- --recipe r.json --product tee --placement front [--repeat 4] --out front.png
// Writes one print file exactly as the fulfillment job makes it (same code: lib/print through the
// job's tile source) and prints one JSON line: {width,height,dpi,placement,repeatIn,sha256,effectiveDpi,...}.
// --recipe takes the JSON `npm run render` prints. Bad input: exit 2 and a one-line message.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { CATALOG, catalogPrintAreas } from '../lib/catalog/catalog-data';
import { isRepeatIn, REPEAT_IN } from '../lib/design';
import { printOneFile } from '../lib/fulfillment';

function fail(message: string): never {
  console.error(`print: ${message}`);
  process.exit(2);
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: { recipe: { type: 'string' }, product: { type: 'string' }, placement: { type: 'string' }, repeat: { type: 'string' }, out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  if (values.help) {
    console.log('usage: npm run print -- --recipe r.json --product tee --placement front [--repeat 4] --out front.png');
    return;
  }
  for (const k of ['recipe', 'product', 'placement', 'out'] as const) if (!values[k]) fail(`--${k} is required (npm run print -- --help)`);
  const areas = catalogPrintAreas(values.product!);
  if (!areas) fail(`unknown product "${values.product}"; one of: ${CATALOG.map((p) => p.slug).join(', ')}`);
  const area = areas.find((a) => a.name === values.placement);
  if (!area) fail(`${values.product} has no placement "${values.placement}"; one of: ${areas.map((a) => a.name).join(', ')}`);
  const repeatIn = values.repeat === undefined ? REPEAT_IN.default : Number(values.repeat);
  if (!isRepeatIn(repeatIn)) {
    fail(`--repeat must be from ${REPEAT_IN.min} to ${REPEAT_IN.max} inches`);
  }
  let recipe: unknown;
  try {
    recipe = JSON.parse(fs.readFileSync(values.recipe!, 'utf8'));
  } catch (err) {
    fail(`cannot read the recipe ${values.recipe}: ${(err as Error).message.split('\n')[0]}`);
  }
  const file = await printOneFile({ recipe, productSlug: values.product!, area, repeatIn }).catch((err: Error & { status?: number }) => {
    if (err.status && err.status < 500) fail(err.message);
    throw err;
  });
  fs.writeFileSync(values.out!, file.png);
  process.stdout.write(`${JSON.stringify(file.summary)}\n`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`print: ${(err as Error).message.split('\n')[0]}`);
    process.exit(1);
  },
);
