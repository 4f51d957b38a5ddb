namespace Actors.Contracts.Interop.Notifications;

/// <summary>The provider refused a message for good (an unknown number, a bouncing address): sending it again will not help.</summary>
public sealed class NotificationRejectedException : Exception
{
    public NotificationRejectedException()
    {
    }

    public NotificationRejectedException(string message)
        : base(message)
    {
    }

    public NotificationRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
