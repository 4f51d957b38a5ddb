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
}
