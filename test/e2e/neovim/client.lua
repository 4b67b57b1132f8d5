-- Drives the bulletin language server from Neovim 0.7's built-in LSP client:
-- open a bulletin, wait for published diagnostics, ask for document symbols
-- and folding ranges, edit a byline and wait for the diagnostics to follow;
-- then open an earlier issue ($BULLETIN_LENSES) and wait for its code lenses,
-- which Neovim resolves.
-- Writes what it saw as JSON to $BULLETIN_OUT; exits 1 on any failure.
local server = assert(vim.env.BULLETIN_SERVER, 'BULLETIN_SERVER not set')
local file = assert(vim.env.BULLETIN_FILE, 'BULLETIN_FILE not set')
local out = assert(vim.env.BULLETIN_OUT, 'BULLETIN_OUT not set')
local lensed = assert(vim.env.BULLETIN_LENSES, 'BULLETIN_LENSES not set')

local function fail(message)
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode({ error = message }))
  f:close()
  vim.cmd('cquit 1')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_option(bufnr, 'filetype', 'bulletin')
  local client_id = vim.lsp.start_client({
    name = 'bulletin',
    cmd = { 'node', '--max-semi-space-size=32', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
  })
  if not client_id then return fail('the client did not start') end
  vim.lsp.buf_attach_client(bufnr, client_id)

  local result = {}
  local function codes()
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do table.insert(list, d.code or '') end
    table.sort(list)
    return list
  end

  if not vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50) then
    return fail('no diagnostics arrived')
  end
  result.diagnostics = codes()

  local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
  local symbols = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', params, 5000)
  result.symbols = {}
  for _, response in pairs(symbols or {}) do
    for _, s in ipairs(response.result or {}) do table.insert(result.symbols, s.name) end
  end

  local folds = vim.lsp.buf_request_sync(bufnr, 'textDocument/foldingRange', params, 5000)
  result.folds = {}
  for _, response in pairs(folds or {}) do
    for _, r in ipairs(response.result or {}) do table.insert(result.folds, { r.startLine, r.endLine }) end
  end

  -- didChange round trip: break the first standalone byline ("By X" -> "by X").
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  for i, line in ipairs(lines) do
    if line:match('^By [A-Z]') then
      result.edited_line = i
      vim.api.nvim_buf_set_text(bufnr, i - 1, 0, i - 1, 2, { 'by' })
      break
    end
  end
  local changed = vim.wait(10000, function()
    for _, c in ipairs(codes()) do if c == 'byline.malformed' then return true end end
    return false
  end, 50)
  result.after_edit = codes()
  result.edit_reported = changed

  -- Code lenses: listed without their counts, each resolved by Neovim (codeLens/resolve).
  vim.cmd('edit! ' .. vim.fn.fnameescape(lensed))
  local lens_buf = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_option(lens_buf, 'filetype', 'bulletin')
  vim.lsp.buf_attach_client(lens_buf, client_id)
  local function titles()
    local list = {}
    for _, lens in ipairs(vim.lsp.codelens.get(lens_buf)) do
      if lens.command then table.insert(list, (lens.range.start.line + 1) .. ' ' .. lens.command.title) end
    end
    table.sort(list)
    return list
  end
  -- Asked again until every lens is resolved and two rounds agree (the archive may still be indexed at first).
  -- Not from inside vim.wait's condition: Neovim then calls it without pause and never times out.
  local last, deadline = nil, vim.loop.now() + 10000
  while vim.loop.now() < deadline do
    vim.lsp.codelens.refresh()
    vim.wait(300, function() return false end)
    local got = titles()
    local resolved = #got > 0 and #got == #vim.lsp.codelens.get(lens_buf)
    if resolved and last and table.concat(got, '|') == table.concat(last, '|') then break end
    last = resolved and got or nil
  end
  result.lenses = titles()

  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.lsp.stop_client(client_id)
  vim.cmd('qall!')
end)
if not ok then fail(tostring(err)) end
