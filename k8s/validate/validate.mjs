// Renders every overlay with `kubectl kustomize` and validates each object against the Kubernetes schemas shipped in
// the kubernetes-models package (offline): types, enums, required fields (the package's schemas do not refuse unknown
// fields). Exit code 1 names every object that fails. Used by .ci/run.
// `node validate.mjs --json` prints the rendered objects instead, as {"<overlay>": [objects]} (the C# test
// Actors.Tests.Operations.ManifestSettingsTests reads the settings they set from it).
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const k8s = join(dirname(fileURLToPath(import.meta.url)), "..");
const overlays = readdirSync(join(k8s, "overlays"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

// apiVersion "apps/v1", kind "Deployment" → "kubernetes-models/apps/v1/Deployment"; the core group has no prefix.
function modelPath(apiVersion, kind) {
  return `kubernetes-models/${apiVersion}/${kind}`;
}

function render(overlay) {
  return parseAllDocuments(execFileSync("kubectl", ["kustomize", join(k8s, "overlays", overlay)], { encoding: "utf8" }));
}

if (process.argv.includes("--json")) {
  const all = {};
  for (const overlay of overlays) all[overlay] = render(overlay).map((d) => d.toJS()).filter(Boolean);
  process.stdout.write(JSON.stringify(all));
  process.exit(0);
}

let failures = 0;
let checked = 0;
for (const overlay of overlays) {
  for (const document of render(overlay)) {
    if (document.errors.length > 0) {
      console.error(`${overlay}: YAML error: ${document.errors[0].message}`);
      failures++;
      continue;
    }
    const object = document.toJS();
    if (!object) continue;
    const name = `${overlay}: ${object.kind}/${object.metadata?.name}`;
    // kustomize wraps long base64 values over lines; the API server's decoder (Go's) skips the newlines, the schema's
    // "byte" format does not.
    if (object.kind === "Secret" && object.data) {
      for (const key of Object.keys(object.data)) object.data[key] = String(object.data[key]).replace(/\s+/g, "");
    }
    let Model;
    try {
      const module = await import(modelPath(object.apiVersion, object.kind));
      Model = module[object.kind] ?? module.default;
    } catch {
      console.error(`${name}: no schema for ${object.apiVersion} ${object.kind}`);
      failures++;
      continue;
    }
    try {
      new Model(object).validate();
      checked++;
    } catch (error) {
      console.error(`${name}: ${error.message}`);
      failures++;
    }
  }
}

console.log(`k8s: ${checked} object(s) valid in ${overlays.length} overlay(s) (${overlays.join(", ")}), ${failures} failure(s)`);
process.exit(failures === 0 ? 0 : 1);
