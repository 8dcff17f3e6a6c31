namespace Prognos.Errors;

/// <summary>The one table that maps an <see cref="ErrorCode"/> to its wire name, HTTP status and CLI exit code.</summary>
public static class ErrorCodes
{
    /// <summary>The code as it appears on the wire and in <c>--json</c> output, e.g. <c>RESOURCE_DOES_NOT_EXIST</c>.</summary>
    public static string WireName(this ErrorCode code) => code switch
    {
        ErrorCode.InvalidParameterValue => "INVALID_PARAMETER_VALUE",
        ErrorCode.MissingParameter => "MISSING_PARAMETER",
        ErrorCode.ResourceDoesNotExist => "RESOURCE_DOES_NOT_EXIST",
        ErrorCode.ResourceAlreadyExists => "RESOURCE_ALREADY_EXISTS",
        ErrorCode.InvalidState => "INVALID_STATE",
        ErrorCode.Unauthenticated => "UNAUTHENTICATED",
        ErrorCode.PermissionDenied => "PERMISSION_DENIED",
        ErrorCode.RequestLimitExceeded => "REQUEST_LIMIT_EXCEEDED",
        ErrorCode.IncompatibleStore => "INCOMPATIBLE_STORE",
        _ => "INTERNAL_ERROR",
    };

    /// <summary>Parses a wire name back into a code (unknown names become <see cref="ErrorCode.InternalError"/>).</summary>
    public static ErrorCode FromWireName(string? name)
    {
        foreach (var code in Enum.GetValues<ErrorCode>())
        {
            if (string.Equals(code.WireName(), name, StringComparison.Ordinal))
            {
                return code;
            }
        }

        return ErrorCode.InternalError;
    }

    /// <summary>The HTTP status an error maps to (MLflow's choices where MLflow has one).</summary>
    public static int HttpStatus(this ErrorCode code) => code switch
    {
        ErrorCode.InvalidParameterValue or ErrorCode.MissingParameter or ErrorCode.ResourceAlreadyExists => 400,
        ErrorCode.Unauthenticated => 401,
        ErrorCode.PermissionDenied => 403,
        ErrorCode.ResourceDoesNotExist => 404,
        ErrorCode.InvalidState => 409,
        ErrorCode.RequestLimitExceeded => 413,
        ErrorCode.IncompatibleStore => 500,
        _ => 500,
    };

    /// <summary>The CLI exit code: 1 for anything the user can fix, 2 for internal errors.</summary>
    public static int ExitCode(this ErrorCode code) => code == ErrorCode.InternalError ? 2 : 1;
}
