#!/usr/bin/env Rscript
# Baseline benchmark: R forecast's ets(), auto.arima() and thetaf() on the
# synthetic monthly panel (tools/reference/make_panel.py), single process.
#
# Usage (from the repository root):
#   Rscript tools/reference/bench_r_forecast.R <out.json> [limit] [panel.csv] [forecasts.csv]
#     out.json      summary: per-method total wall seconds (and CPU seconds of
#                   this process, less sensitive to a busy machine), mean MASE, mean sMAPE
#     limit         use only the first N series (default: all; 0 = all)
#     panel.csv     default bench/data/panel_monthly_1000.csv
#     forecasts.csv default: <out.json without .json>_forecasts.csv
#
# The last 12 points of each series are held out; models use default settings,
# h = 12. MASE scale = mean |y_t - y_{t-12}| over the training part.
# A model that errors falls back to seasonal naive for that series and is
# counted in `failures`.

suppressPackageStartupMessages({
  library(forecast)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 1) stop("usage: bench_r_forecast.R <out.json> [limit] [panel.csv] [forecasts.csv]")
out_json <- args[1]
limit <- if (length(args) >= 2) as.integer(args[2]) else 0L
panel_csv <- if (length(args) >= 3) args[3] else "bench/data/panel_monthly_1000.csv"
fc_csv <- if (length(args) >= 4) args[4] else paste0(sub("\\.json$", "", out_json), "_forecasts.csv")

H <- 12L
M <- 12L

panel <- read.csv(panel_csv, stringsAsFactors = FALSE,
                  colClasses = c("character", "character", "numeric"))
ids <- unique(panel$series_id)
if (!is.na(limit) && limit > 0) ids <- head(ids, limit)
by_id <- split(panel, panel$series_id)

methods <- list(
  ets = function(y) forecast(ets(y), h = H, level = c(80, 95)),
  auto_arima = function(y) forecast(auto.arima(y), h = H, level = c(80, 95)),
  theta = function(y) thetaf(y, h = H, level = c(80, 95))
)

totals <- setNames(numeric(length(methods)), names(methods))
cpu_totals <- setNames(numeric(length(methods)), names(methods))
cpu_now <- function() { p <- proc.time(); p[["user.self"]] + p[["sys.self"]] }
failures <- setNames(integer(length(methods)), names(methods))
mase_v <- list(); smape_v <- list()
for (m in names(methods)) { mase_v[[m]] <- numeric(0); smape_v[[m]] <- numeric(0) }
rows <- vector("list", length(ids) * length(methods))
ri <- 0L
t_start <- proc.time()[["elapsed"]]

for (sid in ids) {
  d <- by_id[[sid]]
  d <- d[order(d$date), ]
  st <- as.integer(strsplit(d$date[1], "-")[[1]][1:2])
  y_all <- ts(d$value, start = st, frequency = M)
  n <- length(y_all)
  train <- subset(y_all, end = n - H)
  test <- as.numeric(subset(y_all, start = n - H + 1))
  test_dates <- tail(d$date, H)
  scale <- mean(abs(diff(as.numeric(train), lag = M)))

  for (m in names(methods)) {
    t0 <- proc.time()[["elapsed"]]
    c0 <- cpu_now()
    fc <- tryCatch(methods[[m]](train), error = function(e) NULL)
    totals[[m]] <- totals[[m]] + (proc.time()[["elapsed"]] - t0)
    cpu_totals[[m]] <- cpu_totals[[m]] + (cpu_now() - c0)
    model_name <- NA_character_
    if (is.null(fc)) {
      failures[[m]] <- failures[[m]] + 1L
      fc <- snaive(train, h = H, level = c(80, 95))
      model_name <- "fallback_snaive"
    } else {
      model_name <- if (m == "theta") "Theta" else
        if (m == "ets") fc$model$method else as.character(fc$model)
    }
    f <- as.numeric(fc$mean)
    mase <- mean(abs(test - f)) / scale
    smape <- mean(200 * abs(test - f) / (abs(test) + abs(f)))
    mase_v[[m]] <- c(mase_v[[m]], mase)
    smape_v[[m]] <- c(smape_v[[m]], smape)
    ri <- ri + 1L
    rows[[ri]] <- data.frame(
      series_id = sid, method = m, model = model_name, h = seq_len(H), date = test_dates,
      actual = test, forecast = f,
      lower_80 = as.numeric(fc$lower[, 1]), upper_80 = as.numeric(fc$upper[, 1]),
      lower_95 = as.numeric(fc$lower[, 2]), upper_95 = as.numeric(fc$upper[, 2]),
      stringsAsFactors = FALSE)
  }
}
wall <- proc.time()[["elapsed"]] - t_start

fc_df <- do.call(rbind, rows[seq_len(ri)])
dir.create(dirname(fc_csv), recursive = TRUE, showWarnings = FALSE)
write.csv(fc_df, fc_csv, row.names = FALSE)

per_method <- list()
for (m in names(methods)) {
  per_method[[m]] <- list(
    total_wall_seconds = round(totals[[m]], 3),
    seconds_per_series = round(totals[[m]] / length(ids), 4),
    total_cpu_seconds = round(cpu_totals[[m]], 3),
    mean_mase = mean(mase_v[[m]]),
    median_mase = median(mase_v[[m]]),
    mean_smape = mean(smape_v[[m]]),
    failures = failures[[m]]
  )
}
out <- list(
  generator = "tools/reference/bench_r_forecast.R",
  generated_utc = format(Sys.time(), "%Y-%m-%dT%H:%M:%SZ", tz = "UTC"),
  r_version = paste(R.version$major, R.version$minor, sep = "."),
  forecast_version = as.character(packageVersion("forecast")),
  panel_csv = panel_csv,
  n_series = length(ids),
  horizon = H,
  total_wall_seconds = round(wall, 3),
  forecasts_csv = fc_csv,
  methods = per_method
)
dir.create(dirname(out_json), recursive = TRUE, showWarnings = FALSE)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", null = "null", pretty = TRUE), out_json)
message(sprintf("%d series in %.1f s -> %s, %s", length(ids), wall, out_json, fc_csv))
