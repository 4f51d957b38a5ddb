using System.Globalization;

namespace Actors.Bench;

/// <summary>One reading of this process's memory after a full, compacting collection: resident set (VmRSS) and the managed heap.</summary>
public sealed record ScaleMemory(long ResidentBytes, long ManagedBytes)
{
    public static ScaleMemory Measure()
    {
        // Twice, with finalizers in between: what finalizers free is collected by the second pass. The second is
        // aggressive: it also gives the freed regions back to the system, which the GC otherwise does a little at a
        // time over the following minutes, so that the reading does not depend on how long the run waited before it.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kib = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return new ScaleMemory(kib * 1024, GC.GetTotalMemory(forceFullCollection: false));
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"RSS {ResidentBytes / 1048576.0:F0} MiB, managed heap {ManagedBytes / 1048576.0:F0} MiB");
}
