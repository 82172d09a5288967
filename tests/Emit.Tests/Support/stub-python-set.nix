# A stand-in for nixpkgs' Python package set, for evaluating generated overlays in tests.
# Every `final.X` and `prev.X` an overlay uses must exist here or in the overlay, functions take
# exactly the arguments nixpkgs' take, and a dependency cycle fails evaluation as it would in
# nixpkgs. The result is a summary of every attribute for one system, as JSON-friendly data.
{
  file,
  system,
  skipSrc ? [ ],
}:
let
  isLinux = system == "x86_64-linux" || system == "aarch64-linux";
  isDarwin = system == "x86_64-darwin" || system == "aarch64-darwin";
  stdenv.hostPlatform = {
    inherit isLinux isDarwin;
    isx86_64 = system == "x86_64-linux" || system == "x86_64-darwin";
    isAarch64 = system == "aarch64-linux" || system == "aarch64-darwin";
  };
  lib.optionals = condition: list: if condition then list else [ ];

  # nixpkgs' fetchurl accepts more; these are all a generated file may pass.
  fetchurl =
    {
      url,
      hash,
      name ? null,
    }:
    {
      fetcher = "fetchurl";
      inherit url hash name;
    };

  # The URL formula of nixpkgs' fetchPypi (pkgs/build-support/fetchpypi), restated: wheels from
  # files.pythonhosted.org/packages/{dist}/, sources from mirror://pypi/, which is
  # files.pythonhosted.org/packages/source/. Both argument sets are closed, as there.
  wheelUrl =
    {
      pname,
      version,
      dist ? "py2.py3",
      python ? "py2.py3",
      abi ? "none",
      platform ? "any",
    }:
    "https://files.pythonhosted.org/packages/${dist}/${builtins.substring 0 1 pname}/${pname}/${pname}-${version}-${python}-${abi}-${platform}.whl";
  sourceUrl =
    {
      pname,
      version,
      extension ? "tar.gz",
    }:
    "https://files.pythonhosted.org/packages/source/${builtins.substring 0 1 pname}/${pname}/${pname}-${version}.${extension}";
  fetchPypi =
    {
      format ? "setuptools",
      hash,
      ...
    }@attrs:
    let
      rest = builtins.removeAttrs attrs [
        "format"
        "hash"
      ];
    in
    {
      fetcher = "fetchPypi";
      url =
        if format == "wheel" then
          wheelUrl rest
        else if format == "setuptools" then
          sourceUrl rest
        else
          throw "Unsupported format ${format}";
      inherit hash;
      name = null;
    };

  pkgs = {
    inherit lib stdenv fetchurl fetchPypi;
    autoPatchelfHook = {
      pname = "autoPatchelfHook";
      depth = 0;
    };
  };

  allowed = [
    "pname"
    "version"
    "pyproject"
    "format"
    "src"
    "sourceRoot"
    "build-system"
    "nativeBuildInputs"
    "dependencies"
    "optional-dependencies"
    "doCheck"
    "pythonImportsCheck"
  ];
  maxOf = builtins.foldl' (a: b: if a > b then a else b) 0;
  buildPythonPackage =
    attrs:
    let
      unknown = builtins.filter (name: !(builtins.elem name allowed)) (builtins.attrNames attrs);
      pyproject = attrs.pyproject or null;
      format = attrs.format or null;
    in
    assert unknown == [ ] || throw "buildPythonPackage: unexpected ${toString unknown}";
    assert (pyproject != null) -> (format == null) || throw "buildPythonPackage: pyproject and format";
    attrs
    // {
      # Propagation: a cycle is infinite recursion here, as it is in nixpkgs.
      depth = 1 + maxOf (map (d: d.depth) ((attrs.dependencies or [ ]) ++ (attrs.build-system or [ ])));
      overridePythonAttrs = f: buildPythonPackage (attrs // f attrs);
    };

  tool = name: buildPythonPackage {
    pname = name;
    version = "nixpkgs";
    pyproject = true;
  };
  # Packages nixpkgs "has", for --reuse-nixpkgs: they carry a native build input and a patch.
  native = name: buildPythonPackage {
    pname = name;
    version = "nixpkgs";
    format = "setuptools";
    nativeBuildInputs = [
      {
        pname = "native-of-${name}";
        depth = 0;
      }
    ];
  };

  prev = {
    inherit buildPythonPackage;
    setuptools = tool "setuptools";
    setuptools-scm = tool "setuptools-scm";
    flit-core = tool "flit-core";
    hatchling = tool "hatchling";
    meson-python = tool "meson-python";
    poetry-core = tool "poetry-core";
    cython = tool "cython";
    cffi = native "cffi";
    requests = native "requests";
    "zope-interface" = native "zope-interface";
  };
  overlay = import file { inherit pkgs; };
  final = prev // overlay final prev;
  nameOf = d: d.pname;
  summarize =
    p:
    {
      inherit (p) pname version depth;
      pyproject = p.pyproject or null;
      format = p.format or null;
      src = if p ? src then (if builtins.isAttrs p.src then p.src else toString p.src) else null;
      sourceRoot = p.sourceRoot or null;
      build-system = map nameOf (p.build-system or [ ]);
      nativeBuildInputs = map nameOf (p.nativeBuildInputs or [ ]);
      dependencies = map nameOf (p.dependencies or [ ]);
      optional-dependencies = builtins.mapAttrs (_: map nameOf) (p.optional-dependencies or { });
      doCheck = p.doCheck or null;
      pythonImportsCheck = p.pythonImportsCheck or [ ];
    };
in
builtins.mapAttrs (
  name: p: if builtins.elem name skipSrc then summarize (p // { src = "skipped"; }) else summarize p
) (overlay final prev)
