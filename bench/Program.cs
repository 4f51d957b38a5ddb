using System.Diagnostics;
using System.Globalization;
using Actors.Bench;

// dotnet run -c Release --project bench -- [--writes | --reads | --cold | --all | --abuse] [--clients N] [--seconds S] [--warmup W] ...
// (see BenchOptions.cs for every option, bench/README.md for what each mode measures)
//
// Each mode measures one target of issue 15 in one run on one machine, prints its ratio and the parts of it, and records
// the ratio in TargetSummary. --all runs every mode of the list below in turn and ends with one table of the targets.
var options = BenchOptions.Parse(args);
if (options.Abuse)
{
    // Issue 13's abuse cases: the GraphQL layer's bounds, not a target of issue 15 (so not in --all).
    return await AbuseRun.RunAsync(options);
}

if (options.Modes.Contains("json"))
{
    // A lever measured on one thread (source-generated JSON), not a target: not in --all either.
    return await JsonRun.RunAsync(options);
}

// The modes of --all, in order. A mode is a name and its run; adding one is one line here.
(string Name, Func<BenchOptions, Task<int>> Run)[] modes =
[
    ("writes", WritesRun.RunAsync),
    ("reads", ReadsRun.RunAsync),
    ("cold", ColdRun.RunAsync),
    ("progress", ProgressRun.RunAsync),
    ("memory", MemoryRun.RunAsync),
];

var asked = options.Modes.Count == 0 ? ["writes"] : options.Modes;
var chosen = asked.Contains("all") ? modes : modes.Where(m => asked.Contains(m.Name)).ToArray();
var unknown = asked.Where(name => name != "all" && modes.All(m => m.Name != name)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Not a mode of this build: {string.Join(", ", unknown.Select(u => "--" + u))}.");
    return 2;
}

var clock = Stopwatch.StartNew();
var exit = 0;
foreach (var (name, run) in chosen)
{
    var started = clock.Elapsed;
    try
    {
        exit = Math.Max(exit, await run(options));
    }
    catch (Exception ex) when (chosen.Length > 1)
    {
        // One mode that cannot finish must not cost the others' figures: it is reported as a failed target.
        Console.Error.WriteLine($"--{name} failed: {ex}");
        TargetSummary.Failed(name, ex.GetType().Name);
        exit = 1;
    }

    Console.WriteLine($"--{name}: {(clock.Elapsed - started).TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)} s");
}

if (chosen.Length > 1)
{
    Console.WriteLine();
    Console.WriteLine($"### Targets of issue 15 ({string.Join(", ", chosen.Select(m => "--" + m.Name))}; {options.Clients} clients; {clock.Elapsed.TotalMinutes.ToString("F1", CultureInfo.InvariantCulture)} min)");
    Console.WriteLine();
    Console.WriteLine(TargetSummary.Table());
}

return exit;
