{#- Layers live in plainly named schemas (staging, intermediate, marts, seeds) rather than
    dbt's default <target_schema>_<custom>, so analysts and GX read `marts.quotes`. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
