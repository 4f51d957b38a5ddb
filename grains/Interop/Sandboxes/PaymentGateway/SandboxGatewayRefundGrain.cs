using Actors.Contracts.Interop.Payments;
using Actors.Contracts.Interop.Sandbox;
using Actors.Contracts.Naming;

namespace Actors.Interop.Sandboxes.PaymentGateway;

public sealed class SandboxGatewayRefundGrain(
    [PersistentState(StorageNames.SandboxGatewayRefundState, StorageNames.Domain)] IPersistentState<SandboxGatewayRefundState> state,
    IGrainFactory grains) : Grain, ISandboxGatewayRefundGrain
{
    public async Task<GatewayRefund> Refund(GatewayRefundRequest refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        if (refund.RefundId != this.GetPrimaryKeyString())
        {
            throw new ArgumentException("The refund id is not this grain's key.", nameof(refund));
        }

        if (state.State.Request is { } asked && asked != refund)
        {
            throw new GatewayRefusalException("refund_mismatch", $"Refund {refund.RefundId} was asked for another order or amount.");
        }

        if (state.State.Refund is { } taken)
        {
            return taken;
        }

        if (state.State.Request is null)
        {
            state.State.Request = refund;
            await state.WriteStateAsync();
        }

        // The order's grain is idempotent by refund id too: asking again after a crash here takes nothing twice.
        state.State.Refund = await grains.Reference<ISandboxGatewayOrderGrain>(refund.OrderId).Refund(refund);
        await state.WriteStateAsync();
        return state.State.Refund;
    }

    public async Task<GatewayRefund?> Find()
    {
        if (state.State.Refund is null && state.State.Request is { } asked
            && await grains.Reference<ISandboxGatewayOrderGrain>(asked.OrderId).FindRefund(asked.RefundId) is { } taken)
        {
            state.State.Refund = taken;
            await state.WriteStateAsync();
        }

        return state.State.Refund;
    }
}
