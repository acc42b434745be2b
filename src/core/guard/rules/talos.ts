import { option } from '../args.ts';
import type { Invocation } from '../model.ts';
import { args, deviceTargets, finding, type GuardRule, isProgram, merge, target } from './rule.ts';

/** Talos Linux: `talosctl -n NODE reset` wipes a node, `wipe disk` a disk, `reboot` stops it. */
const TALOS_VALUE = new Set([
  '-n',
  '--nodes',
  '-e',
  '--endpoints',
  '--talosconfig',
  '--context',
  '--system-labels-to-wipe',
  '--user-disks-to-wipe',
  '--wait-timeout',
  '--timeout',
  '--method',
  '--graceful',
]);

function nodes(inv: Invocation) {
  const split = args(inv, TALOS_VALUE);
  const named = option(split, '-n', '--nodes');
  const list = named ? named.split(',').filter(Boolean) : inv.node ? [inv.node] : [];
  return { split, list };
}

export const TALOS_RULES: readonly GuardRule[] = [
  {
    id: 'talos-reset',
    family: 'talos',
    programs: ['talosctl'],
    recognises: 'talosctl -n NODE reset|reboot|shutdown|upgrade',
    read: (inv, inventory) => {
      if (!isProgram(inv, 'talosctl')) return null;
      const { split, list } = nodes(inv);
      const verb = split.positionals[0] ?? '';
      if (!['reset', 'reboot', 'shutdown', 'upgrade'].includes(verb)) return null;
      if (list.length === 0)
        return finding({ unknown: [`talosctl ${verb} without -n NODE: which node is not known`] });
      const effect = verb === 'reset' ? 'lost' : 'down';
      return merge(
        ...list.map((n) =>
          inventory.hasNode(n)
            ? finding({
                targets: [target(`node/${n}`, effect)],
                runbook: `tierbook runbook node-drain node/${n}`,
              })
            : finding({ unknown: [`node ${n} is not in the inventory`] }),
        ),
      );
    },
  },
  {
    id: 'talos-wipe-disk',
    family: 'talos',
    programs: ['talosctl'],
    recognises: 'talosctl -n NODE wipe disk DEVICE',
    read: (inv, inventory) => {
      if (!isProgram(inv, 'talosctl')) return null;
      const { split, list } = nodes(inv);
      if (split.positionals[0] !== 'wipe' || split.positionals[1] !== 'disk') return null;
      const devices = split.positionals.slice(2);
      if (devices.length === 0) return finding({ unknown: ['no disk is named'] });
      const on = list.length > 0 ? list : [null];
      return merge(
        ...on.flatMap((node) =>
          devices.map((d, i) =>
            deviceTargets(d, inv.dynamic[split.at[i + 2] ?? -1] === true, { ...inv, node }, inventory),
          ),
        ),
      );
    },
  },
];
