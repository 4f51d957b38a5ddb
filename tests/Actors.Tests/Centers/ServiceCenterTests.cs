using Actors.Contracts.Centers;
using Actors.Contracts.Errors;
using Actors.Contracts.Identity;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Centers;

[Collection(ClusterCollection.Name)]
public sealed class ServiceCenterTests(ClusterFixture fixture)
{
    private static readonly Actor Operator = new("op-1", ActorRole.Operator);

    private static ServiceCenterProfile Profile(string code, CenterKind kind, params CenterService[] services) =>
        new(code, "مكتب", "Bureau", "TUNIS", "District", kind, services, 50, IsDemo: true);

    private static string NewCode() => "C-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    private static async Task<string> Refusal(Func<Task> act) => (await Assert.ThrowsAsync<DomainException>(act)).Error.Code;

    [Fact]
    public async Task Administrative_and_judicial_services_are_kept_apart_except_in_model_offices()
    {
        Assert.Equal(ErrorCodes.InvalidCenterServices, await Refusal(() => fixture.Grains.GetGrain<IServiceCenterGrain>(NewCode())
            .Register(Operator, Profile("X", CenterKind.OneStopShop, CenterService.NationalIdCard, CenterService.CriminalRecordExtract))));
        var code = NewCode();
        var shop = fixture.Grains.GetGrain<IServiceCenterGrain>(code);
        await shop.Register(Operator, Profile(code, CenterKind.OneStopShop, CenterService.NationalIdCard));
        Assert.Equal(ErrorCodes.InvalidCenterServices, await Refusal(() =>
            shop.ChangeServices(Operator, CenterKind.JudicialOffice, [CenterService.NationalIdCard], "wrong")));
        var upgraded = await shop.ChangeServices(Operator, CenterKind.ModelOffice, [CenterService.NationalIdCard, CenterService.CriminalRecordExtract], "upgrade");
        Assert.Equal(CenterKind.ModelOffice, upgraded.Profile.Kind);
        Assert.True(upgraded.Offers(CenterService.CriminalRecordExtract));
    }

    [Fact]
    public async Task A_center_goes_live_only_when_ready_and_only_operators_steer_it()
    {
        var code = NewCode();
        var center = fixture.Grains.GetGrain<IServiceCenterGrain>(code);
        await center.Register(Operator, Profile(code, CenterKind.OneStopShop, CenterService.NationalIdCard));
        Assert.Equal(ErrorCodes.CenterNotReady, await Refusal(() => center.ChangePhase(Operator, RolloutPhase.Live, null)));
        Assert.Equal(ErrorCodes.NotAllowed, await Refusal(() => center.ChangePhase(new Actor("a", ActorRole.Agent, code), RolloutPhase.Pilot, null)));
        var pilot = await center.ChangePhase(Operator, RolloutPhase.Pilot, null);
        Assert.True(pilot.TakesRequests);
        var supervisor = new Actor("s", ActorRole.Supervisor, Governorate: "TUNIS");
        await center.UpdateReadiness(supervisor, new CenterReadiness(true, 4, 4, 4, 4, 30));
        Assert.Equal(ErrorCodes.NotAllowed, await Refusal(() =>
            center.UpdateReadiness(new Actor("s2", ActorRole.Supervisor, Governorate: "SFAX"), new CenterReadiness(false, 0, 4, 0, 4, 0))));
        var live = await center.ChangePhase(Operator, RolloutPhase.Live, null);
        Assert.Equal(RolloutPhase.Live, live.Phase);
        Assert.Equal(1m, live.Readiness.Score);
        Assert.Equal(ErrorCodes.ReasonRequired, await Refusal(() => center.ChangePhase(Operator, RolloutPhase.Suspended, " ")));
    }

    [Fact]
    public async Task Registering_the_same_center_twice_is_harmless_and_a_different_one_with_its_code_is_refused()
    {
        var code = NewCode();
        var center = fixture.Grains.GetGrain<IServiceCenterGrain>(code);
        var first = await center.Register(Operator, Profile(code, CenterKind.OneStopShop, CenterService.NationalIdCard, CenterService.Passport));
        var again = await center.Register(Operator, Profile(code, CenterKind.OneStopShop, CenterService.Passport, CenterService.NationalIdCard));
        Assert.Equal(first.Version, again.Version);
        Assert.Equal(ErrorCodes.CenterAlreadyRegistered, await Refusal(() =>
            center.Register(Operator, Profile(code, CenterKind.OneStopShop, CenterService.Passport))));
        var listed = await fixture.Grains.GetGrain<ICenterDirectoryGrain>(0).List();
        Assert.Contains(listed, c => c.Code == code);
    }

    [Fact]
    public async Task The_grain_owns_capacity_and_reason_length_whoever_calls_it()
    {
        var code = NewCode();
        var center = fixture.Grains.GetGrain<IServiceCenterGrain>(code);
        var tooBig = await Refused(() => center.Register(Operator, Profile(code, CenterKind.OneStopShop, CenterService.NationalIdCard) with { DailyCapacity = DomainLimits.MaxDailyCapacity + 1 }));
        Assert.Equal((ErrorCodes.ValidationFailed, "dailyCapacity"), (tooBig.Code, tooBig.Parameters["field"]));
        Assert.Null(await center.Find());

        await center.Register(Operator, Profile(code, CenterKind.OneStopShop, CenterService.NationalIdCard) with { DailyCapacity = DomainLimits.MaxDailyCapacity });
        var longReason = new string('r', DomainLimits.MaxReasonLength + 1);
        var suspend = await Refused(() => center.ChangePhase(Operator, RolloutPhase.Suspended, longReason));
        Assert.Equal((ErrorCodes.ValidationFailed, "reason"), (suspend.Code, suspend.Parameters["field"]));
        var services = await Refused(() => center.ChangeServices(Operator, CenterKind.ModelOffice, [CenterService.NationalIdCard], longReason));
        Assert.Equal(ErrorCodes.ValidationFailed, services.Code);
        var suspended = await center.ChangePhase(Operator, RolloutPhase.Suspended, new string('r', DomainLimits.MaxReasonLength));
        Assert.Equal((RolloutPhase.Suspended, 2L), (suspended.Phase, suspended.Version));
    }

    [Fact]
    public async Task Refusals_speak_the_schema_s_words()
    {
        var code = NewCode();
        var center = fixture.Grains.GetGrain<IServiceCenterGrain>(code);
        var mixed = await Refused(() => center.Register(Operator, Profile(code, CenterKind.OneStopShop, CenterService.NationalIdCard, CenterService.CriminalRecordExtract)));
        Assert.Equal(("ONE_STOP_SHOP", "CRIMINAL_RECORD_EXTRACT"), (mixed.Parameters["kind"], mixed.Parameters["services"]));
        Assert.Equal("A ONE_STOP_SHOP keeps administrative and judicial services apart and cannot offer CRIMINAL_RECORD_EXTRACT.", mixed.Message);

        await center.Register(Operator, Profile(code, CenterKind.OneStopShop, CenterService.NationalIdCard));
        var agent = await Refused(() => center.ChangePhase(new Actor("a", ActorRole.Agent, code), RolloutPhase.Pilot, null));
        Assert.Equal(("AGENT", "Only an OPERATOR may do this."), (agent.Parameters["role"], agent.Message));
        var back = await Refused(async () =>
        {
            await center.ChangePhase(Operator, RolloutPhase.Pilot, null);
            await center.ChangePhase(Operator, RolloutPhase.Planned, null);
        });
        Assert.Equal((ErrorCodes.InvalidTransition, "PILOT", "PLANNED"), (back.Code, back.Parameters["from"], back.Parameters["to"]));
    }

    [Fact]
    public async Task The_rollout_follows_its_table_and_every_step_reaches_the_directory_through_the_outbox()
    {
        // Written out by hand, not read from CenterPhaseTransitions: (from, to) → allowed, with full readiness.
        var expected = new Dictionary<(RolloutPhase From, RolloutPhase To), bool>
        {
            [(RolloutPhase.Planned, RolloutPhase.Pilot)] = true, [(RolloutPhase.Planned, RolloutPhase.Live)] = true,
            [(RolloutPhase.Planned, RolloutPhase.Suspended)] = true,
            [(RolloutPhase.Pilot, RolloutPhase.Planned)] = false, [(RolloutPhase.Pilot, RolloutPhase.Live)] = true,
            [(RolloutPhase.Pilot, RolloutPhase.Suspended)] = true,
            [(RolloutPhase.Live, RolloutPhase.Planned)] = false, [(RolloutPhase.Live, RolloutPhase.Pilot)] = true,
            [(RolloutPhase.Live, RolloutPhase.Suspended)] = true,
            [(RolloutPhase.Suspended, RolloutPhase.Planned)] = false, [(RolloutPhase.Suspended, RolloutPhase.Pilot)] = true,
            [(RolloutPhase.Suspended, RolloutPhase.Live)] = true,
        };
        var ready = new CenterReadiness(true, 4, 4, 4, 4, 30);
        foreach (var ((from, to), allowed) in expected)
        {
            var code = NewCode();
            var center = fixture.Grains.GetGrain<IServiceCenterGrain>(code);
            await center.Register(Operator, Profile(code, CenterKind.OneStopShop, CenterService.NationalIdCard));
            await center.UpdateReadiness(Operator, ready);
            if (from != RolloutPhase.Planned)
            {
                await center.ChangePhase(Operator, from, "setup");
            }

            var before = (await center.Find())!;
            Assert.Equal(
                expected.Where(e => e.Key.From == from && e.Value).Select(e => e.Key.To).Order(),
                CenterPhaseTransitions.AvailableFrom(from, ready).Order());
            if (allowed)
            {
                var moved = await center.ChangePhase(Operator, to, "why");
                Assert.Equal((to, before.Version + 1), (moved.Phase, moved.Version));
            }
            else
            {
                Assert.Equal(ErrorCodes.InvalidTransition, await Refusal(() => center.ChangePhase(Operator, to, "why")));
            }

            // Embedded mode: the directory applies the committed events before the call returns.
            var listed = (await fixture.Grains.GetGrain<ICenterDirectoryGrain>(0).List()).Single(c => c.Code == code);
            var now = (await center.Find())!;
            Assert.Equal((now.Version, now.Phase), (listed.Version, listed.Phase));
        }

        Assert.DoesNotContain(RolloutPhase.Live, CenterPhaseTransitions.AvailableFrom(RolloutPhase.Pilot, CenterReadiness.None(4, 4)));
    }

    private static async Task<DomainError> Refused(Func<Task> act) => (await Assert.ThrowsAsync<DomainException>(act)).Error;
}
