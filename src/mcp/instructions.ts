/** Sent to the client at initialize: how the workflow goes and which tool does what. Kept short on purpose. */
export const INSTRUCTIONS = `AWS Backend Architect designs AWS backends in five phases and does the exact parts itself.

Workflow (the prompt "design-backend" drives it end to end; "aws-backend-architect" is the full agent brief):
1. Requirements: analyze_requirements turns the user's description into normalised requirements, with the assumptions made and the open questions that would change the design. Ask the user the top questions before going on.
2. Architecture design: select_services picks services per layer with scores, rationale and rejected alternatives, honouring accepted decisions in .ai/memory. compare_options, list_services and describe_service answer "why X and not Y".
3. Implementation planning: generate_iac writes CloudFormation, Terraform or CDK from the design and validates it; validate_template checks templates the user already has.
4. Security and compliance: review_architecture checks the design or any template against Well-Architected, HIPAA, PCI DSS and cdk-nag packs.
5. Optimization: estimate_cost prices the design from real AWS prices at today's load and at 10x; get_pricing looks up single prices.
Then generate_diagram and create_plan assemble the deliverable. Record decisions with record_decision; reuse patterns from memory_search.
Live AWS (only when the server was started with --aws-live and credentials exist): cfn_validate_remote, cfn_preview_changes, cfn_stack_status, cfn_detect_drift; cfn_execute_change_set exists only with --allow-writes and runs only a change set previewed here, with the preview's token.

Rules: never do cost arithmetic yourself, call estimate_cost. Pass a saved design by name (design) rather than pasting large models. Large files are written to the workspace and returned as resource links.`;
