{
  description = "req2nix: turn requirements.txt, poetry.lock and pyproject.toml into a reproducible python-packages.nix";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs =
    { self, nixpkgs }:
    let
      systems = [
        "x86_64-linux"
        "aarch64-linux"
        "x86_64-darwin"
        "aarch64-darwin"
      ];
      forAllSystems = f: nixpkgs.lib.genAttrs systems (system: f nixpkgs.legacyPackages.${system});
    in
    {
      packages = forAllSystems (pkgs: {
        req2nix = pkgs.buildDotnetModule {
          pname = "req2nix";
          version = "0.1.0";
          src = pkgs.lib.fileset.toSource {
            root = ./.;
            fileset = pkgs.lib.fileset.unions [
              ./.editorconfig
              ./Directory.Build.props
              ./Directory.Packages.props
              ./global.json
              ./src
            ];
          };
          projectFile = "src/Cli/Req2Nix.Cli.csproj";
          # Regenerate with nix/update-deps.sh after changing a package reference.
          nugetDeps = ./nix/deps.json;
          dotnet-sdk = pkgs.dotnetCorePackages.sdk_10_0;
          dotnet-runtime = pkgs.dotnetCorePackages.runtime_10_0;
          executables = [ "req2nix" ];
          meta = {
            description = "Turn Python requirements into a reproducible python-packages.nix";
            license = pkgs.lib.licenses.mit;
            mainProgram = "req2nix";
          };
        };
        default = self.packages.${pkgs.stdenv.hostPlatform.system}.req2nix;
      });

      apps = forAllSystems (pkgs: {
        default = {
          type = "app";
          program = pkgs.lib.getExe self.packages.${pkgs.stdenv.hostPlatform.system}.req2nix;
        };
      });

      devShells = forAllSystems (pkgs: {
        default = pkgs.mkShell {
          packages = [
            pkgs.dotnetCorePackages.sdk_10_0
            pkgs.nix
            pkgs.python3
          ];
        };
      });
    };
}
