namespace Prognos.Storage.Tests.Contract;

public sealed class SqliteWorkspaceContractTests() : WorkspaceContractTests(new SqliteWorkspaceFactory());
