using System.Globalization;

namespace Actors.Bench;

/// <summary>
/// The whole machine's CPU from the first line of /proc/stat (ticks of every core): how much of a run's time the
/// machine was really idle, and how much the hypervisor took (steal), which the per-process figures cannot show. Two
/// runs of the same build can differ by a third here; a run whose steal stands out was measured on a slower machine.
/// </summary>
public readonly record struct MachineCpu(long Busy, long Idle, long Steal)
{
    public static MachineCpu Now()
    {
        // cpu  user nice system idle iowait irq softirq steal guest guest_nice
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return new MachineCpu(fields[0] + fields[1] + fields[2] + fields[5] + fields[6], fields[3] + fields[4], fields.Length > 7 ? fields[7] : 0);
    }

    public static MachineCpu operator -(MachineCpu after, MachineCpu before) =>
        new(after.Busy - before.Busy, after.Idle - before.Idle, after.Steal - before.Steal);

    /// <summary>"idle % / steal %" of the interval this difference covers.</summary>
    public string Describe()
    {
        var total = Math.Max(1, Busy + Idle + Steal);
        return $"{(Idle * 100.0 / total).ToString("F0", CultureInfo.InvariantCulture)} % / {(Steal * 100.0 / total).ToString("F1", CultureInfo.InvariantCulture)} %";
    }
}
