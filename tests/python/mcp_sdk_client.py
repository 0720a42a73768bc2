"""Drives `shim-node mcp` through the official MCP Python SDK (package `mcp`).

Usage: mcp_sdk_client.py EXE [ARG...]  -- starts `EXE mcp ARG...` over stdio, lists the tools, calls
shim_status and prints one JSON object: {"tools": [...names], "status": <structuredContent>,
"is_error": bool, "list_bytes": <bytes of the tools/list result as JSON>}.
"""

import asyncio
import json
import sys

from mcp import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client


async def main() -> None:
    exe, args = sys.argv[1], sys.argv[2:]
    params = StdioServerParameters(command=exe, args=["mcp", *args])
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await asyncio.wait_for(session.initialize(), 30)
            listed = await asyncio.wait_for(session.list_tools(), 30)
            status = await asyncio.wait_for(session.call_tool("shim_status", {}), 30)
            print(
                json.dumps(
                    {
                        "tools": [tool.name for tool in listed.tools],
                        "status": getattr(status, "structured_content", None)
                        or getattr(status, "structuredContent", None),
                        "is_error": bool(
                            getattr(status, "is_error", getattr(status, "isError", False))
                        ),
                        "list_bytes": len(
                            listed.model_dump_json(by_alias=True, exclude_none=True)
                        ),
                    }
                )
            )


asyncio.run(main())
