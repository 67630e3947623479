{#- A '|'-separated seed cell as a list of trimmed, non-empty items (SQL twin of
    newsfacts.extract.seeds.split_list). -#}
{% macro split_list(expr) -%}
    list_filter(list_transform(string_split(coalesce({{ expr }}, ''), '|'), x -> trim(x)), x -> x <> '')
{%- endmacro %}
