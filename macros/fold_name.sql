{#- SQL twin of newsfacts.extract.names.fold_name: accents dropped, case folded, punctuation
    removed, spaces collapsed. Used to match the library's "person:<folded name>" keys to seeds. -#}
{% macro fold_name(expr) -%}
    trim(regexp_replace(regexp_replace(lower(strip_accents({{ expr }})), '[^\w\s]', '', 'g'), '\s+', ' ', 'g'))
{%- endmacro %}
