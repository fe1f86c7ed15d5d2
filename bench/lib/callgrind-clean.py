# Main-thread self instructions of callgrind files, split into GC/compile (scavenges, parser, bytecode and
# optimising compilers: when one falls inside a probe window it is not per-answer work) and the rest.
# python3 bench/lib/callgrind-clean.py bench/results/callgrind/callgrind.out.*.1-01 (bench/PROFILE.md, "S1 again").
import re,sys,collections
NOISE=re.compile(r'Scaveng|Heap::|MarkCompact|Evacuat|Pretenuring|BodyDescriptor|IteratePointers|Parser|Scanner|interpreter::|AstValueFactory|CalculateLineEnds|SourcePosition|Compiler|FreeList|PagedSpace|SemiSpace|RootScavenge|IterateObjectCache|Utf16CharacterStream|Bytecode|ConcurrentMarking|Sweeper|GCTracer|MemoryAllocator|MemoryChunk|Deoptimiz|Baseline::Compile|baseline::|maglev|turbofan|compiler::')
for cg in sys.argv[1:]:
    names={}; selfc=collections.Counter(); cur=None; pend=False
    for l in open(cg):
        if l.startswith('fn='):
            m=re.match(r'fn=\((\d+)\)(?: (.*))?',l.strip())
            if m.group(2): names[m.group(1)]=m.group(2)
            cur=m.group(1); continue
        if l.startswith('cfn='):
            m=re.match(r'cfn=\((\d+)\)(?: (.*))?',l.strip())
            if m.group(2): names[m.group(1)]=m.group(2)
            continue
        if l.startswith('calls='): pend=True; continue
        if l and (l[0].isdigit() or l[0] in '+-*'):
            if pend: pend=False; continue
            parts=l.split()
            if len(parts)>=2: selfc[cur]+=int(parts[-1])
    tot=sum(selfc.values()); noise=sum(v for k,v in selfc.items() if NOISE.search(names.get(k,'')))
    print(f'{cg}: total {tot/1e6:.2f} M, GC/compile {noise/1e6:.2f} M, rest {(tot-noise)/1e6:.2f} M')
