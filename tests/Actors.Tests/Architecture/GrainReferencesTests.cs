using Actors.Contracts.Audit;
using Actors.Contracts.Centers;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Architecture;

/// <summary>
/// <see cref="GrainReferences"/> builds the very references <c>GetGrain</c> builds (same grain id, same interface), for
/// Guid, integer and string keys, from the first call on and after it, and they reach their grains.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainReferencesTests(ClusterFixture fixture)
{
    [Fact]
    public void A_reference_is_the_one_GetGrain_makes_for_every_kind_of_key()
    {
        var grains = fixture.Grains;
        for (var i = 0; i < 3; i++)
        {
            var id = Guid.NewGuid();
            Same(grains.GetGrain<ICitizenRequestGrain>(id), grains.Reference<ICitizenRequestGrain>(id));
            Same(grains.GetGrain<IAuditTrailGrain>(i), grains.Reference<IAuditTrailGrain>(i));
            var center = "TN11-GU" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Same(grains.GetGrain<IServiceCenterGrain>(center), grains.Reference<IServiceCenterGrain>(center));
        }

        Assert.Throws<ArgumentException>(() => grains.Reference<IServiceCenterGrain>(" "));
    }

    [Fact]
    public async Task A_reference_reaches_its_grain()
    {
        var unknown = Guid.NewGuid();
        var requests = fixture.Grains.Reference<ICitizenRequestGrain>(unknown);
        Assert.Null(await fixture.Grains.Reference<ICitizenRequestGrain>(unknown).Find(Contracts.Identity.Actor.System("references-test")));
        Assert.Equal(unknown, requests.GetPrimaryKey());
    }

    private static void Same<T>(T expected, T actual)
        where T : IAddressable
    {
        var (made, built) = ((GrainReference)(object)expected, (GrainReference)(object)actual);
        Assert.Equal(made.GrainId, built.GrainId);
        Assert.Equal(made.InterfaceType, built.InterfaceType);
        Assert.Equal(made.GetType(), built.GetType());
    }
}
