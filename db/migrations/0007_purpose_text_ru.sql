-- The purpose catalogue in Russian, beside English and Estonian (the interface's three
-- languages). Empty for purposes catalogued before: they are shown in English until a new
-- version of the row carries the Russian text.
ALTER TABLE purpose ADD COLUMN IF NOT EXISTS text_ru String DEFAULT '' AFTER text_et;
