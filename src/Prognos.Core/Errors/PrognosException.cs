namespace Prognos.Errors;

/// <summary>
/// The one error type of Prognos. <see cref="Code"/> is stable and machine-readable; the message names the
/// field, the value and what to do about it.
/// </summary>
public sealed class PrognosException : Exception
{
    public PrognosException(ErrorCode code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    public ErrorCode Code { get; }

    public static PrognosException InvalidParameter(string message) => new(ErrorCode.InvalidParameterValue, message);

    public static PrognosException NotFound(string message) => new(ErrorCode.ResourceDoesNotExist, message);

    public static PrognosException AlreadyExists(string message) => new(ErrorCode.ResourceAlreadyExists, message);

    public static PrognosException InvalidState(string message) => new(ErrorCode.InvalidState, message);
}
