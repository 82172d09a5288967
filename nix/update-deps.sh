#!/usr/bin/env bash
# Regenerates nix/deps.json, the NuGet packages buildDotnetModule needs to build the req2nix
# command (src/Cli and the projects it references), with the sha256 of each .nupkg as nixpkgs'
# fetchNupkg expects it. Run after changing a package reference: restore first, then this.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet restore src/Cli/Req2Nix.Cli.csproj >/dev/null
python3 - "$HOME/.nuget/packages" <<'PY'
import base64, hashlib, json, os, sys
packages = sys.argv[1]
assets = json.load(open("src/Cli/obj/project.assets.json"))
deps = []
for key, library in sorted(assets["libraries"].items(), key=lambda kv: kv[0].lower()):
    if library["type"] != "package":
        continue
    name, version = key.split("/")
    nupkg = os.path.join(packages, library["path"], f"{name.lower()}.{version.lower()}.nupkg")
    digest = hashlib.sha256(open(nupkg, "rb").read()).digest()
    deps.append({"pname": name, "version": version, "hash": "sha256-" + base64.b64encode(digest).decode()})
with open("nix/deps.json", "w") as out:
    json.dump(deps, out, indent=2)
    out.write("\n")
print(f"nix/deps.json: {len(deps)} packages")
PY
