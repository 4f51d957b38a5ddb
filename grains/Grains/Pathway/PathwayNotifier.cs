using Actors.Contracts.Interop;
using Actors.Contracts.Interop.Notifications;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Pathway;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Pathway;

/// <summary>
/// Tells the citizen (or the guardian who gave their contact) what happened, by SMS and e-mail. Sending is
/// not idempotent at a provider, so each message is marked "sending" in the pathway's state before it goes:
/// after a crash, a message in that mark is looked up at the provider and sent again only if it never arrived.
/// </summary>
public sealed class PathwayNotifier(INotificationSender sender, ILogger<PathwayNotifier> logger)
{
    private const string Sending = "sending";
    private const string Sent = "sent";
    private const string Undeliverable = "undeliverable";

    /// <summary>The notification of the request's latest step, if that step is one the citizen is told about.</summary>
    public Task<bool> NotifyLatestStep(CitizenRequestView request, RequestPathwayState state, Func<Task> save)
    {
        ArgumentNullException.ThrowIfNull(request);
        var latest = request.History.LastOrDefault();
        return latest is not null && CitizenMessages.TemplateFor(latest) is { } template
            ? Notify(request, template, latest.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), state, save)
            : Task.FromResult(true);
    }

    /// <summary>
    /// Sends one message per contact channel, at most once each (the id names request, occasion, template and
    /// channel). Returns false when the provider could not take one now: the caller comes back later.
    /// </summary>
    public async Task<bool> Notify(
        CitizenRequestView request, string template, string occasion, RequestPathwayState state, Func<Task> save, DateTimeOffset? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(save);
        if (request.Contact is not { } contact)
        {
            return true;
        }

        var delivered = true;
        foreach (var (channel, recipient) in Recipients(contact))
        {
            var id = $"{request.Id:N}:{occasion}:{template}:{channel.ToString().ToLowerInvariant()}";
            state.Notifications.TryGetValue(id, out var mark);
            if (mark is Sent or Undeliverable)
            {
                continue;
            }

            try
            {
                if (mark == Sending && await sender.Find(id) is not null)
                {
                    state.Notifications[id] = Sent;
                    await save();
                    continue;
                }

                state.Notifications[id] = Sending;
                await save();
                var text = CitizenMessages.Text(template, contact.PreferredLanguage, request, deadline);
                var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["reference"] = request.Reference };
                await sender.Send(new Notification(id, channel, recipient, contact.PreferredLanguage, template, parameters, request.Id, text));
                state.Notifications[id] = Sent;
            }
            catch (NotificationRejectedException rejected)
            {
                logger.LogWarning("Notification {MessageId} is undeliverable: {Reason}.", id, rejected.Message);
                state.Notifications[id] = Undeliverable;
            }
            catch (OutsideSystemUnavailableException unavailable)
            {
                logger.LogWarning("Notification {MessageId} not sent now ({Reason}); it is sent later.", id, unavailable.Reason);
                delivered = false;
                continue;
            }

            await save();
        }

        return delivered;
    }

    private static IEnumerable<(NotificationChannel Channel, string Recipient)> Recipients(ContactPoint contact)
    {
        if (!string.IsNullOrWhiteSpace(contact.Phone))
        {
            yield return (NotificationChannel.Sms, contact.Phone);
        }

        if (!string.IsNullOrWhiteSpace(contact.Email))
        {
            yield return (NotificationChannel.Email, contact.Email);
        }
    }
}
