using Actors.Contracts.Interop.Payments;
using Actors.Contracts.Interop.Sandbox;
using Actors.Contracts.Naming;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Interop.Sandboxes.PaymentGateway;

/// <summary>
/// One order at the sandbox gateway. Webhooks owed are saved with the change that caused them, then sent from a
/// grain timer (short backoff delays) with a reminder behind it: a restart or a deactivation resumes them.
/// The same reminder expires an order left unpaid (a timer does it on time while the order is active).
/// </summary>
public sealed class SandboxGatewayOrderGrain(
    [PersistentState(StorageNames.SandboxGatewayOrderState, StorageNames.Domain)] IPersistentState<SandboxGatewayOrderState> state,
    SandboxWebhookSender webhooks,
    IOptionsMonitor<PaymentGatewaySandboxOptions> options,
    TimeProvider clock,
    ILogger<SandboxGatewayOrderGrain> logger) : Grain, ISandboxGatewayOrderGrain, IRemindable
{
    public const string SuccessfulChallengeCode = "123456";

    private const string ReminderName = "sandbox-gateway-order";

    /// <summary>Reminders tick at most once a minute: the backstop for deliveries a timer did not get to.</summary>
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan LongestTimerWait = TimeSpan.FromHours(1);

    private IGrainTimer? timer;

    /// <summary>What this activation last told the reminder service: null (not yet), none, deliveries or expiry.</summary>
    private ReminderNeed? reminder;

    private enum ReminderNeed
    {
        None,
        Deliveries,
        Expiry,
    }

    private SandboxGatewayOrderState S => state.State;

    private GatewayOrder Order => S.Order ?? throw new InvalidOperationException("The order is not registered.");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Order is not null)
        {
            Schedule();
        }

        return Task.CompletedTask;
    }

    public async Task<SandboxGatewayOrder> Register(GatewayOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.OrderId != this.GetPrimaryKeyString())
        {
            throw new ArgumentException("The order id is not this grain's key.", nameof(order));
        }

        if (S.Order is { } registered)
        {
            if (registered.AmountMillimes != order.AmountMillimes || registered.Currency != order.Currency)
            {
                throw new GatewayRefusalException("order_mismatch",
                    $"Order {order.OrderId} is registered for {registered.AmountMillimes} millimes {registered.Currency}, not {order.AmountMillimes} {order.Currency}.");
            }

            return Snapshot();
        }

        var now = clock.GetUtcNow();
        CheckTerms(order, now);
        state.State = new SandboxGatewayOrderState
        {
            Order = order,
            SessionToken = SandboxSessionIds.NewToken(),
            Status = SandboxOrderStatus.Open,
            RegisteredAt = now,
            UpdatedAt = now,
        };
        await Save();
        return Snapshot();
    }

    public async Task<SandboxGatewayOrder?> Open(string sessionToken)
    {
        if (!Matches(sessionToken))
        {
            return null;
        }

        await ExpireIfDue();
        return Snapshot();
    }

    public async Task<SandboxCardResult> Pay(string sessionToken, SandboxCardAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (!Matches(sessionToken))
        {
            return new SandboxCardResult(SandboxCardOutcome.UnknownSession, null);
        }

        if (attempt.Last4 is not { Length: 4 } || !attempt.Last4.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Only the card's last four digits come to the gateway's order.", nameof(attempt));
        }

        await ExpireIfDue();
        if (S.Status != SandboxOrderStatus.Open)
        {
            return new SandboxCardResult(SandboxCardOutcome.NotPayable, Snapshot());
        }

        switch (attempt.Card)
        {
            case SandboxCard.Approved:
                return await Capture(attempt.Last4);
            case SandboxCard.DeclinedDoNotHonor:
                return await Decline(attempt.Last4, "do_not_honor");
            case SandboxCard.DeclinedInsufficientFunds:
                return await Decline(attempt.Last4, "insufficient_funds");
            case SandboxCard.NotATestCard:
                return await Decline(attempt.Last4, "test_card_required");
            case SandboxCard.ChallengeRequired:
                S.Status = SandboxOrderStatus.ChallengeRequired;
                S.CardLast4 = attempt.Last4;
                S.UpdatedAt = clock.GetUtcNow();
                await Save();
                return new SandboxCardResult(SandboxCardOutcome.ChallengeRequired, Snapshot());
            case SandboxCard.BankTimeout:
                // The bank never answers: the page waits, then says so; nothing is recorded and the order stays payable.
                await SilentBank(TimeSpan.FromMilliseconds(options.CurrentValue.BankTimeoutMilliseconds));
                logger.LogInformation("Sandbox gateway: the bank did not answer for order {OrderId} (card ending {Last4})", Order.OrderId, attempt.Last4);
                return new SandboxCardResult(SandboxCardOutcome.BankTimeout, Snapshot());
            default:
                throw new ArgumentOutOfRangeException(nameof(attempt), attempt.Card, "Unknown test card behaviour.");
        }
    }

    /// <summary>
    /// Waits the whole bank timeout by the clock's own reckoning: a timer counts the system's coarse tick and may fire a
    /// few milliseconds before that much time has passed (CI saw a 1,500 ms wait answered after 1,499 ms).
    /// </summary>
    private async Task SilentBank(TimeSpan timeout)
    {
        var started = clock.GetTimestamp();
        for (var left = timeout; left > TimeSpan.Zero; left = timeout - clock.GetElapsedTime(started))
        {
            await Task.Delay(left, clock);
        }
    }

    public async Task<SandboxCardResult> Authenticate(string sessionToken, string oneTimeCode)
    {
        if (!Matches(sessionToken))
        {
            return new SandboxCardResult(SandboxCardOutcome.UnknownSession, null);
        }

        await ExpireIfDue();
        if (S.Status != SandboxOrderStatus.ChallengeRequired)
        {
            return new SandboxCardResult(SandboxCardOutcome.NotPayable, Snapshot());
        }

        var last4 = S.CardLast4 ?? "0000";
        return string.Equals(oneTimeCode?.Trim(), SuccessfulChallengeCode, StringComparison.Ordinal)
            ? await Capture(last4)
            : await Decline(last4, "authentication_failed");
    }

    public async Task<GatewayRefund> Refund(GatewayRefundRequest refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        if (S.Order is not { } order)
        {
            throw new GatewayRefusalException("unknown_order", $"No order {this.GetPrimaryKeyString()} at the gateway.");
        }

        if (S.Refunds.Find(r => r.RefundId == refund.RefundId) is { } existing)
        {
            return existing.AmountMillimes == refund.AmountMillimes && refund.OrderId == order.OrderId
                ? existing
                : throw new GatewayRefusalException("refund_mismatch", $"Refund {refund.RefundId} was taken for another amount or order.");
        }

        if (refund.OrderId != order.OrderId || refund.Currency != order.Currency)
        {
            throw new GatewayRefusalException("refund_mismatch", $"Refund {refund.RefundId} does not match order {order.OrderId} ({order.Currency}).");
        }

        if (S.Status != SandboxOrderStatus.Captured)
        {
            throw new GatewayRefusalException("not_captured", $"Order {order.OrderId} is {S.Status}: only a captured payment is refunded.");
        }

        var refunded = S.Refunds.Sum(r => r.AmountMillimes);
        if (refund.AmountMillimes <= 0 || refunded + refund.AmountMillimes > order.AmountMillimes)
        {
            throw new GatewayRefusalException("refund_exceeds_capture",
                $"Order {order.OrderId} captured {order.AmountMillimes} millimes, {refunded} already refunded: {refund.AmountMillimes} cannot be.");
        }

        var now = clock.GetUtcNow();
        var taken = new GatewayRefund(refund.RefundId, order.OrderId, refund.AmountMillimes, now);
        S.Refunds.Add(taken);
        if (refunded + refund.AmountMillimes == order.AmountMillimes)
        {
            S.Status = SandboxOrderStatus.Refunded;
        }

        S.UpdatedAt = now;
        Owe(GatewayNoticeKind.Refunded, refund.AmountMillimes, null, refund.RefundId, now);
        await Save();
        return taken;
    }

    public Task<GatewayRefund?> FindRefund(string refundId) => Task.FromResult(S.Refunds.Find(r => r.RefundId == refundId));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (S.Order is null)
        {
            await Remind(ReminderNeed.None);
            return;
        }

        await Work();
        await Remind(Need());
    }

    private static void CheckTerms(GatewayOrder order, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(order.OrderId) || order.OrderId.Length > 100
            || !order.OrderId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new GatewayRefusalException("invalid_order", "An order id is 1 to 100 letters, digits, '-' or '_'.");
        }

        if (order.AmountMillimes <= 0)
        {
            throw new GatewayRefusalException("invalid_amount", "The amount must be positive.");
        }

        if (order.Currency != "TND")
        {
            throw new GatewayRefusalException("unsupported_currency", "The gateway takes Tunisian dinars (TND) only.");
        }

        if (order.ExpiresAt <= now)
        {
            throw new GatewayRefusalException("already_expired", "The order's expiry is in the past.");
        }

        if (order.ReturnUrl is not null
            && !(Uri.TryCreate(order.ReturnUrl, UriKind.Absolute, out var back) && (back.Scheme == Uri.UriSchemeHttps || back.Scheme == Uri.UriSchemeHttp)))
        {
            throw new GatewayRefusalException("invalid_return_url", "The return URL must be an absolute http(s) address.");
        }
    }

    private bool Matches(string? sessionToken) =>
        S.Order is not null && sessionToken is not null && string.Equals(S.SessionToken, sessionToken, StringComparison.Ordinal);

    private async Task<SandboxCardResult> Capture(string last4)
    {
        var now = clock.GetUtcNow();
        S.Status = SandboxOrderStatus.Captured;
        S.CardLast4 = last4;
        S.UpdatedAt = now;
        Owe(GatewayNoticeKind.Authorised, Order.AmountMillimes, null, null, now);
        Owe(GatewayNoticeKind.Captured, Order.AmountMillimes, null, null, now);
        await Save();
        return new SandboxCardResult(SandboxCardOutcome.Captured, Snapshot());
    }

    private async Task<SandboxCardResult> Decline(string last4, string code)
    {
        var now = clock.GetUtcNow();
        S.Status = SandboxOrderStatus.Declined;
        S.CardLast4 = last4;
        S.DeclineCode = code;
        S.UpdatedAt = now;
        Owe(GatewayNoticeKind.Declined, Order.AmountMillimes, code, null, now);
        await Save();
        return new SandboxCardResult(SandboxCardOutcome.Declined, Snapshot());
    }

    private async Task ExpireIfDue()
    {
        var now = clock.GetUtcNow();
        if (S.Order is { } order && S.Status is SandboxOrderStatus.Open or SandboxOrderStatus.ChallengeRequired && now >= order.ExpiresAt)
        {
            S.Status = SandboxOrderStatus.Expired;
            S.UpdatedAt = now;
            Owe(GatewayNoticeKind.Expired, order.AmountMillimes, null, null, now);
            await Save();
        }
    }

    private void Owe(GatewayNoticeKind kind, long millimes, string? declineCode, string? refundId, DateTimeOffset now) =>
        S.Webhooks.Add(new SandboxWebhookMessage
        {
            MessageId = "msg_" + Guid.NewGuid().ToString("N"),
            Type = GatewayNoticeTypes.Of(kind),
            Body = SandboxWebhookBody.Of(kind, Order.OrderId, millimes, Order.Currency, declineCode, refundId, now),
            CreatedAt = now,
            NextAttemptAt = now,
        });

    private async Task Save()
    {
        await state.WriteStateAsync();
        Schedule();
        await Remind(Need());
    }

    /// <summary>Expires the order if due and sends the webhooks whose time has come, one after the other.</summary>
    private async Task Work()
    {
        await ExpireIfDue();
        var now = clock.GetUtcNow();
        var due = S.Webhooks.Where(m => m.IsPending && m.NextAttemptAt <= now).ToList();
        if (due.Count == 0)
        {
            return;
        }

        foreach (var message in due)
        {
            var attempt = await webhooks.Send(message.MessageId, message.Body, CancellationToken.None);
            message.Attempts++;
            message.LastStatusCode = attempt.StatusCode;
            message.LastError = attempt.Error;
            if (attempt.Delivered)
            {
                message.DeliveredAt = clock.GetUtcNow();
                message.NextAttemptAt = null;
                continue;
            }

            var settings = options.CurrentValue;
            if (message.Attempts >= settings.WebhookMaxAttempts)
            {
                message.GaveUp = true;
                message.NextAttemptAt = null;
                logger.LogWarning("Sandbox gateway: gave up webhook {MessageId} ({Type}) of order {OrderId} after {Attempts} attempts: {Error}",
                    message.MessageId, message.Type, Order.OrderId, message.Attempts, attempt.Error);
            }
            else
            {
                message.NextAttemptAt = clock.GetUtcNow() + settings.RetryDelay(message.Attempts);
                logger.LogInformation("Sandbox gateway: webhook {MessageId} ({Type}) of order {OrderId} failed (attempt {Attempts}: {Error}); next at {NextAttemptAt:O}",
                    message.MessageId, message.Type, Order.OrderId, message.Attempts, attempt.Error, message.NextAttemptAt);
            }
        }

        await Save();
    }

    /// <summary>One timer for the next thing due: a webhook's next attempt, or the expiry of an unpaid order.</summary>
    private void Schedule()
    {
        var next = S.Webhooks.Where(m => m.IsPending).Select(m => m.NextAttemptAt).Min();
        if (S.Status is SandboxOrderStatus.Open or SandboxOrderStatus.ChallengeRequired && (next is null || Order.ExpiresAt < next))
        {
            next = Order.ExpiresAt;
        }

        if (next is null)
        {
            timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var wait = next.Value - clock.GetUtcNow();
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestTimerWait ? LongestTimerWait : wait;
        if (timer is null)
        {
            timer = this.RegisterGrainTimer(OnTimer, wait, Timeout.InfiniteTimeSpan);
        }
        else
        {
            timer.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task OnTimer(CancellationToken cancellationToken)
    {
        await Work();
        Schedule();
    }

    private ReminderNeed Need() =>
        S.Webhooks.Any(m => m.IsPending) ? ReminderNeed.Deliveries
        : S.Status is SandboxOrderStatus.Open or SandboxOrderStatus.ChallengeRequired ? ReminderNeed.Expiry
        : ReminderNeed.None;

    private async Task Remind(ReminderNeed need)
    {
        if (reminder == need)
        {
            return;
        }

        switch (need)
        {
            case ReminderNeed.None:
                if (await this.GetReminder(ReminderName) is { } existing)
                {
                    await this.UnregisterReminder(existing);
                }

                break;
            case ReminderNeed.Deliveries:
                await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
                break;
            case ReminderNeed.Expiry:
                var untilExpiry = Order.ExpiresAt - clock.GetUtcNow();
                await this.RegisterOrUpdateReminder(ReminderName, untilExpiry > ReminderPeriod ? untilExpiry : ReminderPeriod, ReminderPeriod);
                break;
        }

        reminder = need;
    }

    private SandboxGatewayOrder Snapshot()
    {
        var order = Order;
        return new SandboxGatewayOrder(
            order.OrderId,
            SandboxSessionIds.Of(order.OrderId, S.SessionToken),
            order.AmountMillimes,
            order.Currency,
            order.Description,
            order.ExpiresAt,
            order.ReturnUrl,
            S.Status,
            S.CardLast4,
            S.DeclineCode,
            S.Refunds.Sum(r => r.AmountMillimes),
            S.RegisteredAt,
            S.UpdatedAt,
            S.Webhooks.Select(m => new SandboxWebhookDelivery(
                m.MessageId, m.Type, m.Attempts, m.NextAttemptAt, m.DeliveredAt, m.LastStatusCode, m.LastError, m.GaveUp)).ToList());
    }
}
