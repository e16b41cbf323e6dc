-- Run by test/clients/neovim.test.ts: Neovim (headless, no user config) opens an engagement
-- file, starts `engagement lsp --stdio` as its language server, waits for the diagnostics
-- and asks for completion, then writes what it received as JSON. Written for Neovim 0.7
-- (Debian's): `vim.lsp.start_client` and `buf_attach_client`, which 0.8's `vim.lsp.start` wraps.
local file, root, out = vim.env.EK_FILE, vim.env.EK_ROOT, vim.env.EK_OUT
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({
  name = 'engagement',
  cmd = { vim.env.EK_NODE, vim.env.EK_CLI, 'lsp', '--stdio' },
  root_dir = root,
})
vim.lsp.buf_attach_client(buf, client)

local received = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  table.insert(diagnostics, { line = d.lnum, col = d.col, end_col = d.end_col, message = d.message, code = code, severity = d.severity, source = d.source })
end

local position = { line = tonumber(vim.env.EK_LINE), character = tonumber(vim.env.EK_CHARACTER) }
local answers = vim.lsp.buf_request_sync(buf, 'textDocument/completion', { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = position }, 20000)
local labels = {}
for _, answer in pairs(answers or {}) do
  local items = answer.result and (answer.result.items or answer.result) or {}
  for _, item in ipairs(items) do table.insert(labels, item.label) end
end

local handle = io.open(out, 'w')
handle:write(vim.fn.json_encode({ received = received, diagnostics = diagnostics, completion = labels }))
handle:close()
vim.lsp.stop_client(client)
vim.cmd('qa!')
