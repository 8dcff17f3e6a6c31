namespace Prognos.Storage; internal static class Placeholder {}
