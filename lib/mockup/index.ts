// Public surface of lib/mockup (server-only): product mockups from templates + a pattern tile.
export { renderMockup, compositeRaw, compositeRawParallel, encodeMockup, parseHex, MockupNotFoundError, type RenderMockupInput, type MockupFormat } from './render';
export { getTemplate, listTemplates, resolveTemplate, registerTemplate, loadTemplateDir, templateJsonSchema, TEMPLATES_DIR, uploadedTemplatesDir, type LoadedTemplate, type TemplateJson, type TemplateRef } from './template';
export { decodeTile, clearTileCache, type DecodedTile } from './tile';
export { mockupQuerySchema, mockupResponse, type TileLoader } from './http';
export { saveUploadedTemplate, saveTemplateFromForm, photoTemplateSchema, MAX_TEMPLATE_UPLOAD_BYTES, type PhotoTemplateInput } from './uploaded-templates';
