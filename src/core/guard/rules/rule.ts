import { programName, type SplitArgs, splitArgs } from '../args.ts';
import type { DiskMatch, GuardInventory } from '../inventory.ts';
import type { GuardStep, Invocation, StepTarget, TargetEffect } from '../model.ts';

/** What a row says about one command, before the guard adds the rule id and command text. */
export type StepFinding = Omit<GuardStep, 'rule' | 'command'>;

/**
 * One row of the guard's table: a destructive command it recognises. `read` returns null for a
 * harmless look-alike (`ceph osd tree`, `kubectl delete --dry-run=client`, `wipefs -n`).
 */
export interface GuardRule {
  id: string;
  family: 'ceph' | 'disk' | 'kubernetes' | 'talos' | 'backup' | 'shell';
  /** Program names the row looks at (after wrappers are taken off). */
  programs: readonly string[];
  /** What it recognises, for docs/guard.md and --help. */
  recognises: string;
  read: (inv: Invocation, inventory: GuardInventory) => StepFinding | null;
}

export function finding(partial: Partial<StepFinding> = {}): StepFinding {
  return { targets: [], unknown: [], review: [], notes: [], runbook: null, ...partial };
}

export function args(inv: Invocation, valueFlags: ReadonlySet<string>): SplitArgs {
  return splitArgs(inv.words, valueFlags, 1);
}

export function isProgram(inv: Invocation, ...names: string[]): boolean {
  return names.includes(programName(inv.words[0]));
}

/** True when the positional at `i` holds a variable or substitution. */
export function dynamicAt(inv: Invocation, split: SplitArgs, i: number): boolean {
  return inv.dynamic[split.at[i] ?? -1] === true;
}

export function target(t: string, effect: TargetEffect): StepTarget {
  return { target: t, effect };
}

/** `3`, `osd.3`, `osd/3`, `3,4` (the rook plugin's list): OSD ids, or null when not one. */
export function osdIds(word: string): string[] | null {
  const ids = word.split(',').map((w) => /^(?:osd[./])?(\d+)$/.exec(w.trim())?.[1]);
  return ids.every((id): id is string => id !== undefined) ? ids : null;
}

/** OSD ids as typed, resolved: targets for those in the inventory, unknowns for the rest. */
export function osdTargets(
  words: readonly string[],
  dynamic: readonly boolean[],
  inventory: GuardInventory,
  effect: TargetEffect,
): StepFinding {
  const out = finding();
  if (words.length === 0) out.unknown.push('no OSD id is given: which OSD it acts on is not known');
  words.forEach((word, i) => {
    const ids = dynamic[i] ? null : osdIds(word);
    if (ids === null) {
      out.unknown.push(
        `"${word}" is no OSD id tierbook can read (${dynamic[i] ? 'known only when it runs' : 'expected a number or osd.N'})`,
      );
      return;
    }
    for (const id of ids) {
      const osd = inventory.osd(id);
      if (!osd) {
        out.unknown.push(
          `osd.${id} is not in the inventory (known: ${
            inventory
              .osdIds()
              .map((o) => `osd.${o}`)
              .join(', ') || 'none'
          })`,
        );
        continue;
      }
      out.targets.push(target(osd.target, effect));
      for (const disk of osd.disks) out.notes.push(diskNote(`osd.${id}`, disk));
    }
  });
  return out;
}

/** What an operator must know about the disk an OSD sits on. */
function diskNote(osd: string, disk: DiskMatch): string {
  const where = disk.configured ? ` (configured in ${disk.configured})` : '';
  return disk.volatile
    ? `${osd} was set up with the kernel name ${disk.path} on ${disk.node}${where}: kernel names can move across reboots and disk changes, so ${disk.path} may now be another disk; find it by its by-id path (ls -l /dev/disk/by-id/ | grep ${disk.path.split('/').pop()})`
    : `${osd} was set up with ${disk.path} on ${disk.node}${where}`;
}

const VOLATILE = /^(\/dev\/)?(sd[a-z]+|vd[a-z]+|xvd[a-z]+|hd[a-z]+|nvme\d+n\d+)(p?\d+)?$/;

/**
 * A device a command writes, on the node it runs on, as blast targets. A kernel name is mapped
 * through what the inventory recorded, with the warning that it can move; one the inventory did
 * not record, or a command with no known node, is "cannot tell", with every disk it could be
 * listed as the worst case (`alternative` targets).
 */
export function deviceTargets(
  device: string,
  dynamic: boolean,
  inv: Invocation,
  inventory: GuardInventory,
): StepFinding {
  const out = finding();
  if (dynamic) {
    out.unknown.push(`the device "${device}" is known only when it runs`);
    return out;
  }
  if (!device.startsWith('/dev/') && !VOLATILE.test(device)) {
    out.unknown.push(`"${device}" is no device path tierbook can map (expected /dev/…)`);
    return out;
  }
  const node = inv.node;
  if (node === null) {
    out.unknown.push(
      `${device}: on which node? give --node NODE, or run it as ssh NODE …, kubectl debug node/NODE -- …, talosctl -n NODE …`,
    );
    return out;
  }
  const nodeName = inventory.hasNode(node) ? node : (node.split('.')[0] ?? node);
  if (!inventory.hasNode(nodeName)) {
    out.unknown.push(`node ${node} is not in the inventory`);
    return out;
  }
  const matches = inventory.disks(nodeName, device);
  for (const disk of matches) {
    out.targets.push(target(disk.target, 'lost'));
    const osds = disk.osds.length > 0 ? disk.osds.join(', ') : 'no OSD';
    if (VOLATILE.test(device) || disk.volatile)
      out.notes.push(
        `${device} is a kernel name: it can move across reboots and disk changes. When the inventory was read, ${disk.path} on ${nodeName} was the disk of ${osds}${disk.configured ? ` (configured in ${disk.configured})` : ''}${disk.volatile ? '; that OSD was set up with the kernel name, not a by-id path' : ''}. Check with ls -l /dev/disk/by-id/ | grep ${device.split('/').pop()} before acting`,
      );
    else out.notes.push(`${disk.path} on ${nodeName} holds ${osds}`);
  }
  if (matches.length > 0) return out;
  const all = inventory.disksOn(nodeName);
  const candidates = all.map((d) => `${d.path} (${d.osds.join(', ') || 'no OSD'})`).join(', ');
  out.unknown.push(
    VOLATILE.test(device)
      ? `${device} is a kernel name the inventory did not record on ${nodeName}: it may be any of its disks${candidates ? `: ${candidates}` : ''}, or one holding node-local volumes`
      : `${device} is no disk the inventory recorded on ${nodeName} (Ceph may use it through LVM or useAllDevices; node-local volumes may be on it)${candidates ? `; its recorded disks: ${candidates}` : ''}`,
  );
  for (const d of all) out.targets.push({ ...target(d.target, 'lost'), alternative: true });
  return out;
}

export function merge(...parts: StepFinding[]): StepFinding {
  return {
    targets: parts.flatMap((p) => p.targets),
    unknown: parts.flatMap((p) => p.unknown),
    review: parts.flatMap((p) => p.review),
    notes: [...new Set(parts.flatMap((p) => p.notes))],
    runbook: parts.map((p) => p.runbook).find((r) => r !== null) ?? null,
  };
}
