using Actors.Api.Funds;
using Actors.Contracts.Funds;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;

namespace Actors.Api.Demo;

/// <summary>
/// Loads the demo municipalities and a handful of demo allocations on the 2026 fund, in every
/// status, at startup (Demo:Seed, on by default in embedded mode). Idempotent: the import upserts
/// by code, allocations carry idempotency keys and only the missing steps are taken. Proposals and
/// approvals come from two different system actors: segregation of duties holds for demo data too.
/// </summary>
public sealed class DemoFundSeeder(IGrainFactory grains, IHostApplicationLifetime lifetime, ILogger<DemoFundSeeder> logger) : IHostedService
{
    public const int Year = 2026;
    public const string Reason = "Démo : données fictives / بيانات تجريبية";

    private static readonly Actor Proposer = Actor.System("demo-fund-proposer");
    private static readonly Actor Approver = Actor.System("demo-fund-approver");

    /// <summary>(key, programme, municipality, millimes, steps after the proposal, tranches in millimes).</summary>
    private static readonly (string Key, FundProgrammeCode Programme, string Municipality, long Millimes, AllocationAction[] Steps, long[] Tranches)[] Allocations =
    [
        ("demo-2026-01", FundProgrammeCode.Roads, "DEMO-TN41-001", 2_500_000_000, [AllocationAction.Approve, AllocationAction.Commit], [1_000_000_000]),
        ("demo-2026-02", FundProgrammeCode.Roads, "DEMO-TN61-001", 3_200_000_000, [AllocationAction.Approve], []),
        ("demo-2026-03", FundProgrammeCode.Roads, "DEMO-TN42-002", 1_750_000_500, [], []),
        ("demo-2026-04", FundProgrammeCode.NewMunicipalities, "DEMO-TN42-N01", 250_000_000,
            [AllocationAction.Approve, AllocationAction.Commit], [100_000_000, 150_000_000]),
        ("demo-2026-05", FundProgrammeCode.NewMunicipalities, "DEMO-TN43-N02", 250_000_000, [], []),
        ("demo-2026-06", FundProgrammeCode.Markets, "DEMO-TN51-002", 800_000_000, [AllocationAction.Approve], []),
        ("demo-2026-07", FundProgrammeCode.Dumps, "DEMO-TN82-002", 1_200_000_000, [AllocationAction.Approve, AllocationAction.Commit], []),
        ("demo-2026-08", FundProgrammeCode.Neighbourhoods, "DEMO-TN14-002", 950_000_000,
            [AllocationAction.Approve, AllocationAction.Commit], [300_000_000]),
        ("demo-2026-09", FundProgrammeCode.GreenSpaces, "DEMO-TN21-002", 400_000_000, [AllocationAction.Approve, AllocationAction.Cancel], []),
        ("demo-2026-10", FundProgrammeCode.WasteSystem, "DEMO-TN72-002", 150_000_000, [], []),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var (rows, unreadable) = MunicipalityCsv.Parse(DemoMunicipalities.Csv());
        var imported = await grains.Reference<IMunicipalityRegistryGrain>(IMunicipalityRegistryGrain.Key)
            .Import(Actor.System("demo-data"), rows, DemoMunicipalities.ResourceName);
        if (unreadable.Count + imported.Rejected.Count > 0)
        {
            throw new InvalidOperationException($"The demo municipalities have {unreadable.Count + imported.Rejected.Count} bad rows.");
        }

        var fund = grains.Reference<IFundGrain>(Year);
        foreach (var (key, programme, municipality, millimes, steps, tranches) in Allocations)
        {
            var allocation = await fund.Allocate(Proposer, new AllocationProposal(programme, municipality, millimes, Reason, key));
            foreach (var step in steps.Where(s => !allocation.Steps.Any(done => done.Action == s)))
            {
                if (step == AllocationAction.Cancel)
                {
                    allocation = await fund.Perform(Approver, new AllocationCommand(allocation.Id, step, "Démo : projet reporté"));
                    continue;
                }

                allocation = await fund.Perform(Approver, new AllocationCommand(allocation.Id, step, null));
                if (step == AllocationAction.Commit)
                {
                    for (var i = 0; i < tranches.Length; i++)
                    {
                        allocation = await fund.Disburse(Approver, new DisbursementOrder(allocation.Id, tranches[i], $"{Reason} — tranche {i + 1}", $"{key}-t{i + 1}"));
                    }
                }
            }

            if (allocation.Status == AllocationStatus.Disbursed)
            {
                await fund.Perform(Approver, new AllocationCommand(allocation.Id, AllocationAction.Close, null));
            }
        }

        // Said once the host listens, so that the first lines of the log are where to start.
        var newCount = rows.Count(r => r.IsNew);
        lifetime.ApplicationStarted.Register(() => logger.LogInformation(
            "Demo data: {Municipalities} demo municipalities ({New} new), {Allocations} demo allocations on the {Year} fund",
            imported.MunicipalityCount, newCount, Allocations.Length, Year));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
