//! The operator's HTTP endpoint: `/healthz` for orchestrators, `/metrics` for Prometheus, and
//! whatever routes adapters mount (the Telegram webhook).

use anyhow::{Context, Result};
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use serde_json::json;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use crate::service::Services;

/// The built-in routes.
pub fn router(services: Services) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .with_state(services)
}

/// 200 when every configured adapter is connected, 503 otherwise; the body lists each
/// adapter's state so an operator sees which one is down.
async fn healthz(State(services): State<Services>) -> impl IntoResponse {
    let health = services.health();
    let healthy = health.healthy();
    let body = json!({
        "status": if healthy { "ok" } else { "unavailable" },
        "adapters": health.snapshot(),
        "catalogue": { "resources": services.engine().catalogue().resources().len() },
    });
    let status = if healthy {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, axum::Json(body))
}

async fn metrics(State(services): State<Services>) -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        services.metrics().encode(),
    )
}

/// Serves `router` on `listener` until `shutdown` is cancelled.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: CancellationToken,
) -> Result<()> {
    let addr = listener
        .local_addr()
        .context("reading the HTTP listener's address")?;
    tracing::info!(%addr, "HTTP endpoint listening (/healthz, /metrics)");
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown.cancelled_owned())
        .await
        .context("HTTP server failed")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Engine;
    use crate::service::{AdapterState, Platform};

    async fn start(services: Services) -> (String, CancellationToken) {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let shutdown = CancellationToken::new();
        tokio::spawn(serve(listener, router(services), shutdown.clone()));
        (base, shutdown)
    }

    #[tokio::test]
    async fn healthz_reflects_adapter_state() {
        let services = Services::new(Engine::shipped().unwrap(), 5);
        services
            .health()
            .set(Platform::Telegram, AdapterState::Reconnecting);
        let (base, shutdown) = start(services.clone()).await;
        let res = reqwest::get(format!("{base}/healthz")).await.unwrap();
        assert_eq!(res.status(), 503);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["adapters"]["telegram"], "reconnecting");
        services
            .health()
            .set(Platform::Telegram, AdapterState::Connected);
        let res = reqwest::get(format!("{base}/healthz")).await.unwrap();
        assert_eq!(res.status(), 200);
        shutdown.cancel();
    }

    #[tokio::test]
    async fn metrics_count_queries() {
        let services = Services::new(Engine::shipped().unwrap(), 5);
        let (base, shutdown) = start(services.clone()).await;
        let before = reqwest::get(format!("{base}/metrics"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(!before.contains("platform=\"discord\",outcome=\"answered\""));
        services.ask(Platform::Discord, "vllm", 0);
        let after = reqwest::get(format!("{base}/metrics"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            after.contains("ganhuo_queries_total{platform=\"discord\",outcome=\"answered\"} 1"),
            "{after}"
        );
        shutdown.cancel();
    }
}
