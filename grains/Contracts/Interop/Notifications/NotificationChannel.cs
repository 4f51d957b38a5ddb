namespace Actors.Contracts.Interop.Notifications;

public enum NotificationChannel
{
    Sms,
    Email,
}
