using System.Globalization;

namespace Actors.Bench;

/// <summary>What the numbers were measured on: cores, CPU model, memory (from /proc).</summary>
public static class Machine
{
    public static string Describe()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var gib = memory is null ? "?" : (long.Parse(memory, CultureInfo.InvariantCulture) / 1024.0 / 1024).ToString("F0", CultureInfo.InvariantCulture);
        return $"{Environment.ProcessorCount} cores ({model}), {gib} GiB";
    }
}
