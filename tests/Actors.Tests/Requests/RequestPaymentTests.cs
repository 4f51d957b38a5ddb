using Actors.Contracts.Errors;
using Actors.Contracts.Identity;
using Actors.Contracts.Interop.Payments;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Payments;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Requests;

/// <summary>
/// Online payments on the request grain: opening one, and the gateway's webhooks applied exactly once, in any
/// order, never with the wrong amount or currency; which captures are owed back.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RequestPaymentTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-11-30T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(RequestDriver Driver, CitizenRequestView Request)> AwaitingPayment(RequestKind kind = RequestKind.NationalIdCard)
    {
        var driver = new RequestDriver(fixture.Grains);
        await driver.OpenCenter();
        var request = await driver.RequestIn(kind, RequestStatus.AwaitingPayment);
        return (driver, request!);
    }

    private static GatewayNotice Notice(Payment payment, GatewayNoticeKind kind, string? id = null, long? amount = null, string currency = "TND") =>
        new(id ?? Guid.NewGuid().ToString("N"), payment.OrderId, kind, amount ?? payment.AmountMillimes, currency, kind == GatewayNoticeKind.Declined ? "do_not_honor" : null, At);

    [Fact]
    public async Task The_owner_opens_a_payment_of_the_exact_fee_and_the_same_key_returns_it()
    {
        var (driver, request) = await AwaitingPayment();
        var grain = driver.Grain(request.Id);
        var payment = await grain.OpenPayment(driver.Citizen, "pay-1");
        Assert.Equal(PaymentStatus.Created, payment.Status);
        Assert.Equal(RequestFees.For(RequestKind.NationalIdCard), payment.AmountMillimes);
        Assert.Equal("TND", payment.Currency);
        Assert.True(PaymentIds.TryParse(payment.OrderId, out var requestId, out var sequence));
        Assert.Equal((request.Id, 1), (requestId, sequence));
        Assert.Null(payment.RedirectUrl);

        var again = await grain.OpenPayment(driver.Citizen, "pay-1");
        Assert.Equal(payment, again);
        var other = await grain.OpenPayment(driver.Citizen, "pay-2");
        Assert.NotEqual(payment.OrderId, other.OrderId);
        Assert.Equal(2, (await grain.Find(driver.Citizen))!.Payments!.Count);
    }

    [Fact]
    public async Task A_payment_is_refused_before_verification_and_to_someone_else_s_citizen()
    {
        var driver = new RequestDriver(fixture.Grains);
        await driver.OpenCenter();
        var submitted = await driver.Submit(RequestKind.NationalIdCard);
        var grain = driver.Grain(submitted.Id);
        var refused = await Assert.ThrowsAsync<DomainException>(() => grain.OpenPayment(driver.Citizen, "early"));
        Assert.Equal(ErrorCodes.InvalidTransition, refused.Error.Code);
        Assert.Contains("AWAITING_PAYMENT", refused.Error.Message, StringComparison.Ordinal);

        var stranger = new Actor("someone-else", ActorRole.Citizen);
        var hidden = await Assert.ThrowsAsync<DomainException>(() => grain.OpenPayment(stranger, "x"));
        Assert.Equal(ErrorCodes.NotFound, hidden.Error.Code);
        Assert.Empty((await grain.Find(driver.Citizen))!.Payments!);
    }

    [Fact]
    public async Task A_capture_pays_the_request_once_whatever_the_order_and_number_of_webhooks()
    {
        var (driver, request) = await AwaitingPayment();
        var grain = driver.Grain(request.Id);
        var payment = await grain.OpenPayment(driver.Citizen, "pay");
        var captured = Notice(payment, GatewayNoticeKind.Captured, "msg-captured");

        // Captured before authorised, then the same message again, then the late authorisation.
        Assert.Equal(GatewayNoticeOutcome.Applied, await grain.ApplyGatewayNotice(captured));
        Assert.Equal(GatewayNoticeOutcome.Duplicate, await grain.ApplyGatewayNotice(captured));
        Assert.Equal(GatewayNoticeOutcome.Ignored, await grain.ApplyGatewayNotice(Notice(payment, GatewayNoticeKind.Authorised)));

        var after = (await grain.Find(driver.Citizen))!;
        Assert.Equal(RequestStatus.Paid, after.Status);
        Assert.Single(after.History, h => h.Status == RequestStatus.Paid);
        Assert.Equal(payment.OrderId, after.Payment!.Reference);
        Assert.Equal(PaymentStatus.Captured, after.Payments!.Single().Status);
        Assert.Empty(PaymentRules.RefundsDue(after));
    }

    [Fact]
    public async Task The_wrong_amount_or_currency_never_moves_a_payment()
    {
        var (driver, request) = await AwaitingPayment();
        var grain = driver.Grain(request.Id);
        var payment = await grain.OpenPayment(driver.Citizen, "pay");
        var before = (await grain.Find(driver.Citizen))!;

        Assert.Equal(GatewayNoticeOutcome.Ignored, await grain.ApplyGatewayNotice(Notice(payment, GatewayNoticeKind.Captured, amount: payment.AmountMillimes - 1)));
        Assert.Equal(GatewayNoticeOutcome.Ignored, await grain.ApplyGatewayNotice(Notice(payment, GatewayNoticeKind.Captured, currency: "EUR")));

        var after = (await grain.Find(driver.Citizen))!;
        Assert.Equal(RequestStatus.AwaitingPayment, after.Status);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(PaymentStatus.Created, after.Payments!.Single().Status);
    }

    [Fact]
    public async Task A_declined_card_keeps_the_request_payable_and_records_the_gateway_code()
    {
        var (driver, request) = await AwaitingPayment();
        var grain = driver.Grain(request.Id);
        var payment = await grain.OpenPayment(driver.Citizen, "pay");
        Assert.Equal(GatewayNoticeOutcome.Applied, await grain.ApplyGatewayNotice(Notice(payment, GatewayNoticeKind.Declined)));
        Assert.Equal(GatewayNoticeOutcome.Ignored, await grain.ApplyGatewayNotice(Notice(payment, GatewayNoticeKind.Captured)));

        var after = (await grain.Find(driver.Citizen))!;
        Assert.Equal(RequestStatus.AwaitingPayment, after.Status);
        Assert.Equal(("do_not_honor", PaymentStatus.Declined), (after.Payments!.Single().DeclineCode, after.Payments!.Single().Status));
        Assert.Equal(PaymentStatus.Created, (await grain.OpenPayment(driver.Citizen, "second")).Status);
    }

    [Fact]
    public async Task A_second_capture_and_a_capture_after_cancellation_are_owed_back_and_refunded_once()
    {
        var (driver, request) = await AwaitingPayment();
        var grain = driver.Grain(request.Id);
        var first = await grain.OpenPayment(driver.Citizen, "first");
        var second = await grain.OpenPayment(driver.Citizen, "second");
        await grain.ApplyGatewayNotice(Notice(first, GatewayNoticeKind.Captured));
        await grain.ApplyGatewayNotice(Notice(second, GatewayNoticeKind.Captured));

        var paid = (await grain.Find(driver.Citizen))!;
        Assert.Equal(RequestStatus.Paid, paid.Status);
        Assert.Equal(second.OrderId, Assert.Single(PaymentRules.RefundsDue(paid)).OrderId);

        await grain.Perform(driver.Citizen, new RequestCommand(RequestAction.CancelRequest, "Changed my mind."));
        var cancelled = (await grain.Find(driver.Citizen))!;
        Assert.Equal([first.OrderId, second.OrderId], PaymentRules.RefundsDue(cancelled).Select(p => p.OrderId).Order());

        var refund = new GatewayRefund(PaymentIds.RefundId(first.OrderId), first.OrderId, first.AmountMillimes, At);
        await grain.RecordRefund(refund);
        var once = (await grain.Find(driver.Citizen))!;
        await grain.RecordRefund(refund);
        var twice = (await grain.Find(driver.Citizen))!;
        Assert.Equal(once.Version, twice.Version);
        Assert.Equal(PaymentStatus.Refunded, twice.Payments!.Single(p => p.OrderId == first.OrderId).Status);
        Assert.Equal(second.OrderId, Assert.Single(PaymentRules.RefundsDue(twice)).OrderId);

        // The gateway's own refund webhook for an order already refunded changes nothing.
        Assert.Equal(GatewayNoticeOutcome.Ignored, await grain.ApplyGatewayNotice(Notice(first, GatewayNoticeKind.Refunded)));
    }

    [Fact]
    public async Task An_unknown_order_is_told_apart()
    {
        var (driver, request) = await AwaitingPayment();
        var notice = new GatewayNotice("m", PaymentIds.OrderId(request.Id, 9), GatewayNoticeKind.Captured, 3_000, "TND", null, At);
        Assert.Equal(GatewayNoticeOutcome.UnknownOrder, await driver.Grain(request.Id).ApplyGatewayNotice(notice));
        Assert.Equal(GatewayNoticeOutcome.UnknownOrder, await driver.Grain(Guid.NewGuid()).ApplyGatewayNotice(notice));
    }

    [Fact]
    public async Task Waiting_on_an_outside_system_shows_until_the_next_step()
    {
        var driver = new RequestDriver(fixture.Grains);
        await driver.OpenCenter();
        var request = await driver.RequestIn(RequestKind.NationalIdCard, RequestStatus.Verifying);
        var grain = driver.Grain(request!.Id);
        var pathway = Actor.System("pathway");
        var waiting = await grain.MarkPending(pathway, Contracts.Interop.OutsideSystem.CivilRegistry, request.Version);
        Assert.Equal(Contracts.Interop.OutsideSystem.CivilRegistry, waiting.PendingOn);
        Assert.NotNull(waiting.PendingSince);
        Assert.Equal(waiting.Version, (await grain.MarkPending(pathway, Contracts.Interop.OutsideSystem.CivilRegistry, waiting.Version)).Version);
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.MarkPending(driver.Agent, null, waiting.Version));

        // The agent's manual path completes the step; the request no longer waits.
        var confirmed = await grain.Perform(driver.Agent, new RequestCommand(RequestAction.ConfirmVerification));
        Assert.Null(confirmed.PendingOn);
        Assert.Equal("AGENT:agent-1", confirmed.History[^1].Actor);

        // A late failure of the pathway's call, read before the agent's step, does not mark the moved request.
        var late = await grain.MarkPending(pathway, Contracts.Interop.OutsideSystem.CivilRegistry, waiting.Version);
        Assert.Null(late.PendingOn);
        Assert.Equal(confirmed.Version, late.Version);
    }
}
