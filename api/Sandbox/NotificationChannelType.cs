using Actors.Contracts.Interop.Notifications;
using GraphQL.Types;

namespace Actors.Api.Sandbox;

public sealed class NotificationChannelType : EnumerationGraphType<NotificationChannel>
{
    public NotificationChannelType() => Name = "NotificationChannel";
}
