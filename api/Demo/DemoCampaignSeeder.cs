using Actors.Contracts.Campaigns;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;

namespace Actors.Api.Demo;

/// <summary>
/// One demo campaign of the pupil pilot for the 2026-2027 school year, with a few schools and their targets
/// (Demo:Seed). LYC-0042 is the school of the README's tour, so the tour's pupil request shows in its progress.
/// Idempotent: the campaign's id comes from a fixed key, and the same setup again changes nothing.
/// </summary>
public sealed class DemoCampaignSeeder(IGrainFactory grains, IHostApplicationLifetime lifetime, ILogger<DemoCampaignSeeder> logger) : IHostedService
{
    public const string Key = "demo-campaign-2026-2027";

    private static readonly Actor Seeder = Actor.System("demo-data");

    private static readonly CampaignSchool[] Schools =
    [
        new("LYC-0042", "Lycée pilote de Tunis", "TUNIS", 120),
        new("COL-0107", "Collège Ibn Khaldoun, Tunis", "TUNIS", 90),
        new("LYC-0311", "Lycée Habib Bourguiba, Sfax", "SFAX", 110),
        new("COL-0520", "Collège 2 Mars, Sidi Bouzid", "SIDI_BOUZID", 60),
        new("LYC-0633", "Lycée Ibn Rachiq, Kasserine", "KASSERINE", 70),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var setup = new CampaignSetup("Carte d'identité des élèves — pilote conjoint Éducation–Intérieur", "2026-2027",
            new DateOnly(2026, 9, 15), new DateOnly(2027, 6, 30), Schools.Select(s => s.Governorate).Distinct().ToList(), Schools);
        var campaign = await grains.Reference<ICampaignGrain>(CampaignIds.For(Seeder, Key)).Create(Seeder, setup);
        // Said once the API listens, like the other seeders: the log's first lines are where it listens.
        lifetime.ApplicationStarted.Register(() =>
            logger.LogInformation("Demo data: campaign {Name} with {Schools} schools", campaign.Name, campaign.Schools.Count));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
