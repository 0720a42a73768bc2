"""Exports two Claude Code events (api_request, api_error) to an OTLP/HTTP endpoint through the official
OpenTelemetry Python SDK and its protobuf-over-HTTP exporter, gzipped: a client nobody on SHIM wrote.

Usage: python3 otlp_sdk_export.py <endpoint such as http://127.0.0.1:4318> <session id> <headers as a JSON object>
Needs: pip install opentelemetry-sdk opentelemetry-exporter-otlp-proto-http
"""
import json, logging, sys
from opentelemetry.sdk._logs import LoggerProvider, LoggingHandler
from opentelemetry.sdk._logs.export import SimpleLogRecordProcessor
from opentelemetry.sdk.resources import Resource
from opentelemetry.exporter.otlp.proto.http import Compression
from opentelemetry.exporter.otlp.proto.http._log_exporter import OTLPLogExporter

endpoint, chat_id, headers = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
provider = LoggerProvider(resource=Resource.create({"service.name": "claude-code"}))
provider.add_log_record_processor(SimpleLogRecordProcessor(
    OTLPLogExporter(endpoint=endpoint + "/v1/logs", headers=headers, compression=Compression.Gzip, timeout=10)))
logger = logging.getLogger("claude_code")
logger.setLevel(logging.INFO)
logger.addHandler(LoggingHandler(level=logging.INFO, logger_provider=provider))
logger.info("claude_code.api_request", extra={
    "event.name": "api_request", "session.id": chat_id, "model": "claude-haiku-4-5",
    "duration_ms": 4321, "input_tokens": 900, "output_tokens": 30, "cost_usd": 0.002})
logger.info("claude_code.api_error", extra={
    "event.name": "api_error", "session.id": chat_id, "error": "rate limited", "status_code": 429,
    "attempt": 1, "duration_ms": 12.0})
provider.shutdown()
print("exported")
