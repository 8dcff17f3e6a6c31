namespace Prognos.Storage.Tests.Contract;

public sealed class SqliteDatasetStoreContractTests() : DatasetStoreContractTests(new SqliteWorkspaceFactory());
