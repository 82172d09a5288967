#!/usr/bin/env python3
"""Where a run of the composite build spends its CPU, by the managed method that was running.

`perf` cannot name the code of a ReadyToRun image (it shows `req2nix.r2r.dll 0x1baa7f`), and
samples in the runtime (`libcoreclr.so`: type loading, stubs, allocation) or the kernel (page
faults, futexes) say nothing about which of req2nix's methods caused them. crossgen2 writes a map
of the image when asked; this script reads it and charges every sample to the innermost method of
the image on its call stack, split by where the sample itself fell.

    dotnet publish src/Cli -c CompositeMap -p:Optimize=true -r linux-x64 --self-contained true \
        -p:PublishTrimmed=true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true \
        -p:PublishReadyToRunCrossgen2ExtraArgs=--map -o OUT
    perf record -F 5000 -g -o run.data OUT/req2nix ARGS...        # one or more runs
    perf script -i run.data -F comm,tid,time,ip,dso > run.txt
    bench/perf-by-method.py [--top N] [--under NAME] src/Cli/obj/CompositeMap/net10.0/linux-x64/R2R/req2nix.r2r.map run.txt...

Columns: samples per run charged to the method, then how many fell in the runtime, the kernel,
the JIT, the image itself and elsewhere (libc, JIT-compiled code). `--under NAME` lists instead
what runs below the outermost frame whose name contains NAME (inclusive, by callee).
The map lists method names mangled (`Namespace_Type__Method`); .text starts at file offset 0x400
and RVA 0x10400 in the images crossgen2 writes for linux-x64, which the script assumes.
"""
import argparse
import bisect
import collections
import re

TEXT_RVA_MINUS_FILE_OFFSET = 0x10000
PLACES = {'libcoreclr.so': 'runtime', '[kernel.kallsyms]': 'kernel', 'libclrjit.so': 'jit', 'req2nix.r2r.dll': 'image'}


def read_map(path):
    starts, ends, names = [], [], []
    pattern = re.compile(r'0x([0-9A-F]+) \| 0x([0-9A-F]+) \|\s+\d+ \| \.text\s+\| (.*)  \(MethodWithGCInfo\)')
    with open(path, encoding='utf-8') as lines:
        for line in lines:
            match = pattern.match(line)
            if match:
                start = int(match.group(1), 16)
                starts.append(start)
                ends.append(start + int(match.group(2), 16))
                names.append(match.group(3))
    order = sorted(range(len(starts)), key=starts.__getitem__)
    return [starts[i] for i in order], [ends[i] for i in order], [names[i] for i in order]


def samples(path):
    """Yields each sample's frames, innermost first, as (address, object file name)."""
    with open(path, encoding='utf-8') as text:
        for block in text.read().split('\n\n'):
            frames = []
            for line in block.strip().split('\n')[1:]:
                match = re.match(r'\s*([0-9a-f]+) \((.*)\)', line)
                if match:
                    frames.append((int(match.group(1), 16), match.group(2).split('/')[-1]))
            if frames:
                yield frames


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('map')
    parser.add_argument('scripts', nargs='+')
    parser.add_argument('--top', type=int, default=40)
    parser.add_argument('--under')
    args = parser.parse_args()
    starts, ends, names = read_map(args.map)

    def method(offset):
        rva = offset + TEXT_RVA_MINUS_FILE_OFFSET
        i = bisect.bisect_right(starts, rva) - 1
        return names[i] if i >= 0 and rva < ends[i] else f'?{rva:x}'

    def frame_name(address, place):
        return method(address) if place == 'req2nix.r2r.dll' else place

    charged = collections.defaultdict(collections.Counter)
    for script in args.scripts:
        for frames in samples(script):
            if args.under:
                named = [frame_name(a, p) for a, p in frames]
                outer = [i for i, n in enumerate(named) if args.under in n]
                if not outer:
                    continue
                inside = [n for n in named[:outer[-1]] if n.count('.') == 0 and not n.startswith('[')]
                key = inside[-1] if inside else named[0]
            else:
                key = next((method(a) for a, p in frames if p == 'req2nix.r2r.dll'), '(no frame of the image)')
            charged[key][PLACES.get(frames[0][1], 'other')] += 1

    runs = len(args.scripts)
    total = sum(sum(c.values()) for c in charged.values())
    print(f'{total / runs:.0f} samples per run')
    for key, places in sorted(charged.items(), key=lambda item: -sum(item[1].values()))[:args.top]:
        split = ' '.join(f'{place}={places[place] / runs:.1f}' for place in ('runtime', 'kernel', 'jit', 'image', 'other'))
        print(f'{sum(places.values()) / runs:8.1f}  {split}  {key[:120]}')


if __name__ == '__main__':
    main()
