import { option } from '../args.ts';
import type { Invocation } from '../model.ts';
import {
  args,
  deviceTargets,
  dynamicAt,
  finding,
  type GuardRule,
  isProgram,
  merge,
  osdTargets,
  type StepFinding,
  target,
} from './rule.ts';

/**
 * Ceph commands, run directly, in the Rook toolbox (`kubectl exec … rook-ceph-tools -- ceph …`)
 * or through the `kubectl rook-ceph` plugin (the wrappers are taken off before these rows).
 * One command family in one file (past 250 lines): its rows share the ceph argument reader.
 */
const CEPH_VALUE = new Set([
  '-c',
  '--conf',
  '--cluster',
  '-n',
  '--name',
  '--id',
  '-i',
  '--in-file',
  '-o',
  '--out-file',
  '-k',
  '--keyring',
  '-m',
  '-f',
  '--format',
  '--connect-timeout',
  '--setuser',
  '--setgroup',
  '--watch-channel',
]);

/** `ceph <words…>`: the positionals after `ceph`, or null for another program. */
function ceph(inv: Invocation, ...prefix: string[]) {
  if (!isProgram(inv, 'ceph')) return null;
  const split = args(inv, CEPH_VALUE);
  const head = split.positionals.slice(0, prefix.length);
  if (head.length !== prefix.length || !prefix.every((p, i) => p.split('|').includes(head[i] ?? '')))
    return null;
  const rest = split.positionals.slice(prefix.length);
  const dynamic = rest.map((_, i) => dynamicAt(inv, split, i + prefix.length));
  return { split, rest, dynamic };
}

function osdRunbook(f: StepFinding, runbook: string): StepFinding {
  const first = f.targets[0];
  return {
    ...f,
    runbook: first ? `tierbook runbook ${runbook} ${first.target}` : `tierbook runbook ${runbook}`,
  };
}

function pool(name: string | undefined, dynamic: boolean, inventory: Parameters<GuardRule['read']>[1]) {
  if (name === undefined) return { found: null, f: finding({ unknown: ['no pool is named'] }) };
  if (dynamic)
    return { found: null, f: finding({ unknown: [`the pool "${name}" is known only when it runs`] }) };
  const found = inventory.pool(name);
  return { found, f: found ? finding() : finding({ unknown: [`pool ${name} is not in the inventory`] }) };
}

export const CEPH_RULES: readonly GuardRule[] = [
  {
    id: 'ceph-osd-remove',
    family: 'ceph',
    programs: ['ceph'],
    recognises: 'ceph osd purge|destroy|rm ID…',
    read: (inv, inventory) => {
      const c = ceph(inv, 'osd', 'purge|destroy|rm|purge-new');
      return c ? osdRunbook(osdTargets(c.rest, c.dynamic, inventory, 'lost'), 'osd-remove') : null;
    },
  },
  {
    id: 'ceph-osd-down',
    family: 'ceph',
    programs: ['ceph'],
    recognises: 'ceph osd down ID…',
    read: (inv, inventory) => {
      const c = ceph(inv, 'osd', 'down');
      return c ? osdRunbook(osdTargets(c.rest, c.dynamic, inventory, 'down'), 'osd-remove') : null;
    },
  },
  {
    // `out` is the drain before a purge: the OSD stays up while Ceph copies its data away, so
    // nothing goes dark; the step is named, with what to watch, and passes the default gate.
    id: 'ceph-osd-out',
    family: 'ceph',
    programs: ['ceph'],
    recognises: 'ceph osd out ID… (the drain: passes, with what to watch)',
    read: (inv, inventory) => {
      const c = ceph(inv, 'osd', 'out');
      if (!c) return null;
      const found = osdTargets(c.rest, c.dynamic, inventory, 'down');
      return {
        ...found,
        targets: [],
        notes: [
          ...found.targets.map(
            (t) =>
              `marks ${t.target} out: Ceph copies its data to other OSDs while it stays up; wait until ceph -s shows every PG active+clean and ceph osd safe-to-destroy says safe before purging it`,
          ),
          ...found.notes,
        ],
        runbook: found.targets[0] ? `tierbook runbook osd-remove ${found.targets[0].target}` : null,
      };
    },
  },
  {
    id: 'ceph-osd-crush-rm',
    family: 'ceph',
    programs: ['ceph'],
    recognises: 'ceph osd crush rm|remove osd.N|HOST',
    read: (inv, inventory) => {
      const c = ceph(inv, 'osd', 'crush', 'rm|remove|unlink');
      if (!c) return null;
      const name = c.rest[0];
      if (name && !c.dynamic[0] && !/^osd\.\d+$/.test(name)) {
        return inventory.hasNode(name)
          ? finding({
              targets: [target(`node/${name}`, 'down')],
              runbook: `tierbook runbook node-drain node/${name}`,
            })
          : finding({ unknown: [`CRUSH bucket ${name} is neither an OSD nor a node in the inventory`] });
      }
      return osdRunbook(osdTargets(c.rest.slice(0, 1), c.dynamic, inventory, 'down'), 'osd-remove');
    },
  },
  {
    id: 'ceph-pool-delete',
    family: 'ceph',
    programs: ['ceph'],
    recognises: 'ceph osd pool delete|rm POOL',
    read: (inv, inventory) => {
      const c = ceph(inv, 'osd', 'pool', 'delete|rm');
      if (!c) return null;
      const p = pool(c.rest[0], c.dynamic[0] ?? false, inventory);
      return merge(
        p.f,
        finding({
          targets: p.found ? [target(p.found.target, 'lost')] : [],
          runbook: p.found ? `tierbook runbook pool-rebuild ${p.found.target}` : null,
        }),
      );
    },
  },
  {
    id: 'ceph-pool-size',
    family: 'ceph',
    programs: ['ceph'],
    recognises: 'ceph osd pool set POOL size|min_size N',
    read: (inv, inventory) => {
      const c = ceph(inv, 'osd', 'pool', 'set');
      const key = c?.rest[1];
      if (!c || (key !== 'size' && key !== 'min_size')) return null;
      const p = pool(c.rest[0], c.dynamic[0] ?? false, inventory);
      const value = c.dynamic[2] ? Number.NaN : Number(c.rest[2]);
      if (!p.found) return p.f;
      const now = key === 'size' ? p.found.size : p.found.minSize;
      if (Number.isNaN(value))
        return finding({ unknown: [`the new ${key} of ${p.found.target} is not known`] });
      if (now !== null && value >= now) return null;
      const change = `${key} of ${p.found.target} from ${now ?? 'unknown'} to ${value}`;
      return finding({
        review: [
          key === 'size'
            ? `lowers ${change}: fewer copies, so losing ${value <= 1 ? 'any one OSD' : `${value} failure domains`} loses data (tierbook blast ${p.found.target} shows what lives there)`
            : `lowers ${change}: Ceph accepts writes with fewer copies, which the next failure can lose`,
        ],
      });
    },
  },
  {
    id: 'ceph-fs-rm',
    family: 'ceph',
    programs: ['ceph'],
    recognises: 'ceph fs rm|fail NAME',
    read: (inv, inventory) => {
      const c = ceph(inv, 'fs', 'rm|fail|volume');
      if (!c) return null;
      const [name, dyn] =
        c.split.positionals[1] === 'volume' ? [c.rest[1], c.dynamic[1]] : [c.rest[0], c.dynamic[0]];
      if (c.split.positionals[1] === 'volume' && c.rest[0] !== 'rm') return null;
      if (!name || dyn) return finding({ unknown: ['the filesystem is known only when it runs'] });
      const pools = inventory.filesystemPools(name);
      if (pools.length === 0) return finding({ unknown: [`CephFS ${name} is not in the inventory`] });
      const effect = c.split.positionals[1] === 'fail' ? 'down' : 'lost';
      return finding({ targets: pools.map((p) => target(p, effect)) });
    },
  },
  {
    id: 'rbd-rm',
    family: 'ceph',
    programs: ['rbd'],
    recognises: 'rbd rm|remove|trash rm [POOL/]IMAGE',
    read: (inv, inventory) => {
      if (!isProgram(inv, 'rbd')) return null;
      const split = args(
        inv,
        new Set(['-p', '--pool', '--image', '-c', '--conf', '--id', '-n', '--name', '--namespace']),
      );
      const [verb, second] = split.positionals;
      const trash = verb === 'trash' && (second === 'rm' || second === 'remove' || second === 'purge');
      if (!(verb === 'rm' || verb === 'remove' || trash)) return null;
      const at = trash ? 2 : 1;
      const spec = split.positionals[at] ?? option(split, '--image');
      if (!spec || dynamicAt(inv, split, at))
        return finding({ unknown: ['the RBD image is known only when it runs'] });
      const image = spec.split('/').pop() ?? spec;
      const claim = inventory.image(image);
      if (claim) return finding({ targets: [target(claim, 'lost')] });
      const poolName = spec.includes('/') ? spec.split('/')[0] : option(split, '-p', '--pool');
      const p = poolName ? inventory.pool(poolName) : null;
      return finding({
        unknown: [
          `RBD image ${spec} is no volume the inventory knows${p ? `; worst case: any volume in ${p.target}` : ''}`,
        ],
        targets: p ? [{ ...target(p.target, 'lost'), alternative: true }] : [],
      });
    },
  },
  {
    id: 'ceph-volume-zap',
    family: 'ceph',
    programs: ['ceph-volume'],
    recognises: 'ceph-volume lvm zap DEVICE|--osd-id N',
    read: (inv, inventory) => {
      if (!isProgram(inv, 'ceph-volume')) return null;
      const split = args(inv, new Set(['--osd-id', '--osd-fsid', '--cluster']));
      if (split.positionals[1] !== 'zap') return null;
      const osd = option(split, '--osd-id');
      const parts: StepFinding[] = [];
      if (osd !== undefined) parts.push(osdTargets([osd], [false], inventory, 'lost'));
      split.positionals.slice(2).forEach((device, i) => {
        parts.push(deviceTargets(device, dynamicAt(inv, split, i + 2), inv, inventory));
      });
      if (parts.length === 0) parts.push(finding({ unknown: ['no device or OSD is named'] }));
      return osdRunbook(merge(...parts), 'osd-replace');
    },
  },
  {
    id: 'ceph-orch-osd-rm',
    family: 'ceph',
    programs: ['ceph'],
    recognises: 'ceph orch osd rm ID… (cephadm)',
    read: (inv, inventory) => {
      const c = ceph(inv, 'orch', 'osd', 'rm');
      return c ? osdRunbook(osdTargets(c.rest, c.dynamic, inventory, 'lost'), 'osd-remove') : null;
    },
  },
];
