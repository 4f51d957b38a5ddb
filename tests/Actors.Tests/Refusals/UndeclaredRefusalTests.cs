using Actors.Contracts.Errors;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Refusals;

/// <summary>A grain that refuses with a code its operation does not declare fails loudly, whichever way it refuses.</summary>
[Collection(ClusterCollection.Name)]
public sealed class UndeclaredRefusalTests(ClusterFixture fixture)
{
    [Fact]
    public async Task An_undeclared_refusal_reaches_the_caller_as_UndeclaredRefusalException()
    {
        var probe = fixture.Grains.GetGrain<IRefusalProbeGrain>(Guid.NewGuid());

        var inside = await Assert.ThrowsAsync<UndeclaredRefusalException>(() => probe.RefuseInsideSteps(ErrorCodes.PaymentAmountMismatch));
        Assert.Equal("probeRefusal", inside.Operation);
        Assert.Equal(ErrorCodes.PaymentAmountMismatch, inside.Code);

        var through = await Assert.ThrowsAsync<UndeclaredRefusalException>(() => probe.RefuseThroughOperation(ErrorCodes.VersionMismatch));
        Assert.Equal(ErrorCodes.VersionMismatch, through.Code);
    }

    [Fact]
    public async Task A_declared_refusal_and_not_found_stay_domain_refusals()
    {
        var probe = fixture.Grains.GetGrain<IRefusalProbeGrain>(Guid.NewGuid());
        Assert.Equal(ErrorCodes.NotAllowed, (await Assert.ThrowsAsync<DomainException>(() => probe.RefuseInsideSteps(ErrorCodes.NotAllowed))).Error.Code);
        Assert.Equal(ErrorCodes.NotAllowed, (await Assert.ThrowsAsync<DomainException>(() => probe.RefuseThroughOperation(ErrorCodes.NotAllowed))).Error.Code);
        Assert.Equal(ErrorCodes.NotFound, (await Assert.ThrowsAsync<DomainException>(() => probe.RefuseInsideSteps(ErrorCodes.NotFound))).Error.Code);
    }
}
