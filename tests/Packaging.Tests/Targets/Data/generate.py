"""Records the reference tag lists that CompatibleTagsTests compares with.

The oracle is the `packaging` library that pip vendors (pip 23.2.1 -> packaging 21.3): its
cpython_tags + compatible_tags are pip's sys_tags for CPython, given the platform tags of the
target instead of the running machine's. Linux platforms are packaging's manylinux tags for
glibc 2.40 (the running machine's glibc and ELF checks are replaced); musllinux and linux_<arch>
are left out on purpose (nixpkgs is glibc-based; local builds are not portable).

Run from this folder: python3 generate.py
"""
from pip._vendor.packaging import tags, _manylinux

_manylinux._get_glibc_version = lambda: (2, 40)
_manylinux._have_compatible_abi = lambda arch: True

CASES = [
    # file, python, abi, platforms
    ("x86_64-linux-3.11.txt", (3, 11), "cp311", lambda: _manylinux.platform_tags("linux_x86_64", "x86_64")),
    ("aarch64-linux-3.11.txt", (3, 11), "cp311", lambda: _manylinux.platform_tags("linux_aarch64", "aarch64")),
    ("x86_64-darwin-3.11.txt", (3, 11), "cp311", lambda: tags.mac_platforms((11, 0), "x86_64")),
    ("aarch64-darwin-3.11.txt", (3, 11), "cp311", lambda: tags.mac_platforms((11, 0), "arm64")),
    ("x86_64-linux-3.7.txt", (3, 7), "cp37m", lambda: _manylinux.platform_tags("linux_x86_64", "x86_64")),
    ("x86_64-darwin-3.12-macos-10.12.txt", (3, 12), "cp312", lambda: tags.mac_platforms((10, 12), "x86_64")),
    ("aarch64-darwin-3.13-macos-14.0.txt", (3, 13), "cp313", lambda: tags.mac_platforms((14, 0), "arm64")),
]

for name, python, abi, platforms in CASES:
    platform_list = list(platforms())
    interpreter = "cp" + "".join(map(str, python))
    ordered = list(tags.cpython_tags(python, [abi], platform_list))
    ordered += list(tags.compatible_tags(python, interpreter, platform_list))
    with open(name, "w", encoding="utf-8", newline="\n") as out:
        out.write("".join(f"{tag}\n" for tag in ordered))
