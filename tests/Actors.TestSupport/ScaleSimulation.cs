using System.Diagnostics;
using Npgsql;

namespace Actors.TestSupport;

/// <summary>
/// Scales a running cluster under steady load, as operators (or an autoscaler) do: the workload runs through every step;
/// each step changes the silos (<see cref="ScaleAction"/>), then holds for <see cref="HoldPerStep"/>; at the end of each
/// step every acknowledged step of every request so far is looked up in PostgreSQL. The caller starts the cluster (its
/// first silos and the API) and builds the workload; <see cref="RunAsync"/> stops the load after the last step and
/// waits for the requests in flight, then checks once more.
/// </summary>
public sealed class ScaleSimulation(ClusterProcesses cluster, RequestWorkload workload, NpgsqlDataSource database)
{
    /// <summary>Steady load after each step's action.</summary>
    public TimeSpan HoldPerStep { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Concurrent clients of the workload.</summary>
    public int Clients { get; init; } = 16;

    /// <summary>Told each step's report as soon as it is known (a command prints it, a test writes it to its output).</summary>
    public Action<ScaleStepReport>? OnStep { get; init; }

    /// <summary>
    /// Runs the steps; the first report is the cluster as the caller started it ("start"), the last the drain after the
    /// load stopped ("drain"). Requests that gave up are in <see cref="ScaleStepReport.GivenUp"/>.
    /// </summary>
    public async Task<IReadOnlyList<ScaleStepReport>> RunAsync(IReadOnlyList<ScaleAction> steps, CancellationToken cancellationToken)
    {
        var reports = new List<ScaleStepReport>();
        var stop = false;
        var load = workload.RunAsync(Clients, _ => !Volatile.Read(ref stop), cancellationToken);
        try
        {
            reports.Add(await StepAsync("start", () => Task.CompletedTask, cancellationToken));
            foreach (var step in steps)
            {
                reports.Add(await StepAsync(step.ToString(), () => ApplyAsync(step, cancellationToken), cancellationToken));
            }
        }
        finally
        {
            Volatile.Write(ref stop, true);
        }

        reports.Add(await StepAsync("drain", () => load, cancellationToken, hold: false));
        return reports;
    }

    private async Task<ScaleStepReport> StepAsync(string name, Func<Task> action, CancellationToken cancellationToken, bool hold = true)
    {
        var acknowledged = workload.Acknowledged;
        var failed = workload.FailedCalls;
        var failuresBefore = workload.FailuresByKind;
        var givenUp = workload.Cases.Count(c => c.Failure is not null);
        var latencies = workload.Latencies.Count;
        var clock = Stopwatch.StartNew();
        await action();
        var actionSeconds = clock.Elapsed.TotalSeconds;
        if (hold)
        {
            await Task.Delay(HoldPerStep, cancellationToken);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var window = workload.Latencies.Skip(latencies).Order().ToArray();
        var report = new ScaleStepReport(
            name,
            cluster.RunningSilos.Count,
            actionSeconds,
            seconds,
            workload.Acknowledged - acknowledged,
            workload.FailedCalls - failed,
            workload.Cases.Count(c => c.Failure is not null) - givenUp,
            window.Length == 0 ? 0 : window[Math.Min(window.Length - 1, (int)Math.Ceiling(window.Length * 0.99) - 1)],
            await StoredRequestVersions.LostAsync(workload, database, cancellationToken),
            workload.FailuresByKind
                .Select(k => (k.Key, Count: k.Value - failuresBefore.GetValueOrDefault(k.Key)))
                .Where(k => k.Count > 0)
                .ToDictionary(k => k.Key, k => k.Count));
        OnStep?.Invoke(report);
        return report;
    }

    private async Task ApplyAsync(ScaleAction step, CancellationToken cancellationToken)
    {
        var running = cluster.RunningSilos;
        switch (step.Kind)
        {
            case ScaleActionKind.ScaleTo when step.Silos > running.Count:
                await cluster.StartSilosAsync(step.Silos - running.Count, cancellationToken);
                break;
            case ScaleActionKind.ScaleTo:
                // Scale-in removes the newest silos first, as a Deployment scaled down does with equal pods.
                foreach (var slot in running.OrderByDescending(s => s.Index).Take(running.Count - step.Silos))
                {
                    await cluster.StopSiloAsync(slot.Index);
                }

                break;
            case ScaleActionKind.RollingRestart:
                // maxUnavailable 0 would start the new pod first; one silo at a time either way.
                foreach (var slot in running)
                {
                    await cluster.StopSiloAsync(slot.Index);
                    await cluster.RestartSiloAsync(slot.Index, cancellationToken);
                }

                break;
            case ScaleActionKind.Kill:
                // Any running silo will do: the middle one, which holds grains and is a gateway of the API like the others.
                var victim = running[running.Count / 2];
                await cluster.KillSiloAsync(victim.Index);
                await cluster.StartSilosAsync(1, cancellationToken);
                break;
        }
    }
}
