using Actors.Contracts.Centers;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;

namespace Actors.Api.Demo;

/// <summary>
/// Loads the demo centers at startup (Demo:Seed, on by default in embedded mode). Idempotent:
/// registering an identical center again changes nothing, so restarts and several API replicas are safe.
/// </summary>
public sealed class DemoDataSeeder(IGrainFactory grains, IHostApplicationLifetime lifetime, ILogger<DemoDataSeeder> logger) : IHostedService
{
    private static readonly Actor Seeder = Actor.System("demo-data");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var centers = DemoCenters.All();
        foreach (var (profile, phase) in centers)
        {
            var grain = grains.Reference<IServiceCenterGrain>(profile.Code);
            var view = await grain.Register(Seeder, profile);
            if (phase == RolloutPhase.Planned || view.Phase != RolloutPhase.Planned)
            {
                continue;
            }

            var readiness = phase == RolloutPhase.Live
                ? new CenterReadiness(true, 4, 4, 4, 4, 40)
                : new CenterReadiness(true, 2, 4, 3, 4, 20);
            await grain.UpdateReadiness(Seeder, readiness);
            await grain.ChangePhase(Seeder, phase, "Demo data");
        }

        // Said once the host listens, so that the first lines of the log are where to start.
        lifetime.ApplicationStarted.Register(() => logger.LogInformation("Demo data: {Count} demo centers ready", centers.Count));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
