namespace Prognos.Storage.Tests.Contract;

public sealed class PostgresWorkspaceContractTests() : WorkspaceContractTests(new PostgresWorkspaceFactory());
