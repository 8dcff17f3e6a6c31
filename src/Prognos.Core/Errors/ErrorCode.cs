namespace Prognos.Errors;

/// <summary>Stable error codes, named as MLflow names them, carried by every <see cref="PrognosException"/>.</summary>
public enum ErrorCode
{
    /// <summary>A value given by the caller is not acceptable; the message names the field and the fix.</summary>
    InvalidParameterValue,

    /// <summary>A required field is missing.</summary>
    MissingParameter,

    /// <summary>The named thing does not exist.</summary>
    ResourceDoesNotExist,

    /// <summary>A thing with that name or key already exists.</summary>
    ResourceAlreadyExists,

    /// <summary>The operation conflicts with the current state (e.g. writing to a deleted run).</summary>
    InvalidState,

    /// <summary>The caller is not authenticated.</summary>
    Unauthenticated,

    /// <summary>The caller lacks the role the operation needs.</summary>
    PermissionDenied,

    /// <summary>The request is larger than allowed.</summary>
    RequestLimitExceeded,

    /// <summary>The store was written by a newer Prognos, or is not a Prognos store.</summary>
    IncompatibleStore,

    /// <summary>Something went wrong on our side.</summary>
    InternalError,
}
